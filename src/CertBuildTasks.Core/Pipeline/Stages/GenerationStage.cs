using CertBuildTasks.Generation;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Rules;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// The generation stage: check that every text can be written (CBT4xxx), then produce the request
/// artifacts, scripts and runbooks of the bundle in memory. Nothing is written when a check fails.
/// </summary>
public static class GenerationStage
{
    /// <param name="options">Central keys (their scripts submit the CSR and import a PFX instead of making a key on the server) and the issued certificates that passed the gate (fixed thumbprints; their public certificates go into the bundle).</param>
    public static (IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics) Run(CertificatePlan plan, string toolVersion, GenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= GenerationOptions.None;
        var diagnostics = new DiagnosticBag();
        foreach (var rule in RuleCatalog.GenerationRules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RuleRunner.Run(rule.Descriptor, diagnostics, report => rule.Analyze(plan, report), plan.Policy.SourcePath);
        }

        if (diagnostics.HasErrors)
        {
            return ([], diagnostics.Sorted());
        }

        var files = new List<GeneratedFile>();
        foreach (var certificate in plan.Certificates)
        {
            files.Add(GeneratedFile.Inf(BundlePaths.Inf(certificate), CertreqInfWriter.Write(certificate, toolVersion)));
            if (options.Issued.TryGetValue(certificate.Id, out var issued))
            {
                // The public certificate only, beside its request: certreq -accept takes it from there.
                files.Add(new GeneratedFile(BundlePaths.IssuedCertificate(certificate), issued.Der));
                if (issued.Chain.Count > 0)
                {
                    files.Add(new GeneratedFile(BundlePaths.IssuedChain(certificate), ChainBundle.Pkcs7(issued.Chain)));
                }
            }
        }

        var context = new ScriptContext(plan, toolVersion, options);
        foreach (var server in RunbookGenerator.ServersInOrder(plan))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = RequestScriptGenerator.Generate(context, server);
            var assignment = AssignmentScriptGenerator.Generate(context, server);
            files.AddRange(new[] { request, assignment }.OfType<GeneratedFile>());
            files.Add(RunbookGenerator.Server(context, server, request is not null, assignment is not null));
        }

        files.AddRange(GlobalScriptsGenerator.Generate(context));
        files.AddRange(RenewalScriptsGenerator.Generate(context));
        files.Add(RunbookGenerator.Deployment(context));
        files.Add(RunbookGenerator.Renewal(context));
        return ([.. files.OrderBy(f => f.RelativePath, StringComparer.Ordinal)], diagnostics.Sorted());
    }
}
