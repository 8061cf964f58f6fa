using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.IO;
using CertBuildTasks.Naming;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Rules.Generation;

/// <summary>
/// CBT4008: every name the bundle gets from the plan must be a file name on every system and every
/// path short enough for Windows. A valid 253-character FQDN gives "frontend-&lt;fqdn&gt;.chain.p7b", 272
/// characters — longer than any file name may be (found by the fuzzer). Not configurable: such a
/// bundle could not be written or unpacked.
/// </summary>
public sealed class BundleNameRule : GenerationRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CBT4008", "Name too long for the bundle", "The certificate {0} cannot be written into the bundle: {1}; use a shorter FQDN",
        DiagnosticCategory.Generation, DiagnosticSeverity.Error, IsConfigurable: false);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(CertificatePlan plan, ReportDiagnostic report)
    {
        foreach (var c in plan.Certificates)
        {
            var names = BundlePaths.FileNamesOf(c).Concat(BundlePaths.FolderNamesOf(c));
            if (names.Select(n => (Name: n, Problem: FileNames.Problem(n))).FirstOrDefault(n => n.Problem is not null) is { Problem: { } problem } bad)
            {
                report(c.Origin, c.Id, $"the file name '{bad.Name}' is refused ({problem})");
            }
            else if (BundlePaths.IssuedChain(c) is { Length: > BundlePaths.MaxRelativePath } path) // every name is valid here: IssuedChain does not throw
            {
                report(c.Origin, c.Id, $"its path {path} is {path.Length} characters long; Windows opens paths of {BundlePaths.MaxRelativePath} characters inside an unpacked bundle without long-path support");
            }
        }
    }
}
