using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Rules;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Issued;

/// <summary>
/// The pre-deployment gate: read the issued certificates and trusted roots, match each issued
/// certificate to its planned certificate, build every chain offline at CertValidationTime, run the
/// CBT31xx rules, and report what was not matched or not issued.
/// </summary>
public static class IssuedStage
{
    public sealed record Input(string Path, string? PlannedId);

    public sealed record RootInput(string Path, AuthorityKind? Authority, bool? DeclaredRoot);

    public sealed record Result(IReadOnlyList<IssuedMatch> Matches, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>The issued certificates without an error against them, newest per planned certificate.</summary>
        public IReadOnlyList<IssuedMatch> Passed { get; init; } = [];
    }

    public static Result Run(
        CertificatePlan plan,
        IReadOnlyList<Input> issued,
        IReadOnlyList<RootInput> roots,
        DateTimeOffset validationTime,
        bool requireAll,
        IReadOnlyDictionary<string, byte[]> centralPublicKeys,
        CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var perFile = new (IReadOnlyList<LoadedCertificate> Certificates, DiagnosticBag Diagnostics)[issued.Count];
        Parallel.For(0, issued.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var bag = new DiagnosticBag();
            perFile[i] = (CertificateFileReader.Read(issued[i].Path, issued[i].PlannedId, bag), bag);
        });
        var loaded = perFile.SelectMany(f => f.Certificates).ToList();
        foreach (var file in perFile)
        {
            diagnostics.AddRange(file.Diagnostics.Items);
        }

        var trusted = roots
            .SelectMany(r => CertificateFileReader.Read(r.Path, null, diagnostics).Select(c => new TrustedRoot(c, r.Authority, r.DeclaredRoot)))
            .ToList();
        CheckRoots(trusted, diagnostics);

        var leaves = loaded.Where(c => !c.IsCertificateAuthority).ToList();
        var intermediates = loaded.Where(c => c.IsCertificateAuthority && !c.IsSelfSigned).ToList();
        var (matches, unmatched) = IssuedMatcher.Match(plan, leaves, centralPublicKeys);
        foreach (var (certificate, why) in unmatched)
        {
            diagnostics.Add(IssuedDiagnostics.NotMatched, certificate.Location, certificate.Display, certificate.Thumbprint, why);
        }

        if (leaves.Count > 0 && trusted.Count == 0)
        {
            diagnostics.Add(IssuedDiagnostics.NoTrustedRoots, SourceLocation.File(issued[0].Path));
        }

        // Each certificate is judged on its own: in parallel, each with its own bag, merged in order.
        var chains = new ChainBuilder(trusted, intermediates, validationTime);
        var bags = new DiagnosticBag[matches.Count];
        Parallel.For(0, matches.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var match = matches[i];
            var bag = new DiagnosticBag();
            var (problems, root) = chains.Build(match.Issued);
            var check = new IssuedCheck(match.Planned, match.Issued, validationTime, plan.Policy.ExpiryWarningDays.Value, trusted.Count > 0, problems, root) { Policy = plan.Policy };
            foreach (var rule in RuleCatalog.IssuedRules)
            {
                RuleRunner.Run(rule.Descriptor, bag, report => rule.Analyze(check, report), match.Issued.File);
            }

            bags[i] = bag;
        });
        var failed = new HashSet<IssuedMatch>();
        for (var i = 0; i < matches.Count; i++)
        {
            diagnostics.AddRange(bags[i].Items);
            if (bags[i].HasErrors)
            {
                failed.Add(matches[i]);
            }
        }

        if (matches.Count > 0 && trusted.Count > 0 && trusted.All(r => r.Authority is null))
        {
            diagnostics.Add(IssuedDiagnostics.AuthorityUnknown, SourceLocation.File(roots[0].Path));
        }

        var issuedIds = matches.Select(m => m.Planned.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var planned in plan.Certificates.Where(c => !issuedIds.Contains(c.Id)))
        {
            diagnostics.Add(requireAll ? IssuedDiagnostics.NotIssuedRequired : IssuedDiagnostics.NotIssued, planned.Origin, planned.Id, planned.SubjectName);
        }

        var passed = matches
            .GroupBy(m => m.Planned.Id)
            .Select(g => g.OrderByDescending(m => m.Issued.Certificate.NotAfter).First())
            .Where(m => !failed.Contains(m))
            .ToList();
        return new Result(matches, diagnostics.Sorted()) { Passed = passed };
    }

    /// <summary>CBT3009: Role metadata that contradicts the certificate — the Trusted Root store mistake.</summary>
    private static void CheckRoots(IReadOnlyList<TrustedRoot> trusted, DiagnosticBag diagnostics)
    {
        foreach (var root in trusted)
        {
            var selfSigned = root.Loaded.IsSelfSigned;
            var name = root.Loaded.Certificate.Subject;
            if (!selfSigned && root.DeclaredRoot != false)
            {
                diagnostics.Add(IssuedDiagnostics.RootStoreMistake, root.Loaded.Location,
                    $"The TrustedRootCertificate {root.Loaded.Display} ({name}) is an intermediate CA (issued by {root.Loaded.Certificate.Issuer}), given as a root. In the Trusted Root store an intermediate stops SfB Front End services (0x800b0109); mark it Role=\"Intermediate\"");
            }
            else if (selfSigned && root.DeclaredRoot == false)
            {
                diagnostics.Add(IssuedDiagnostics.RootStoreMistake, root.Loaded.Location,
                    $"The TrustedRootCertificate {root.Loaded.Display} ({name}) is a self-signed root, given as an intermediate (Role=\"Intermediate\"); roots belong in Trusted Root Certification Authorities");
            }
        }
    }
}
