using CertBuildTasks.Issued;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Rules;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// The pre-deployment gate: read the issued certificates and trusted roots, match each issued
/// certificate to its planned certificate, build every chain offline at CertValidationTime, run the
/// CBT31xx rules, and report what was not matched or not issued.
/// </summary>
public static class IssuedStage
{
    public sealed record Input(string Path, string? PlannedId);

    public sealed record RootInput(string Path, AuthorityKind? Authority, bool? DeclaredRoot)
    {
        /// <summary>The Authority metadata (internal or public, any case); null when empty or anything else (a number is no name).</summary>
        public static AuthorityKind? ParseAuthority(string? value) => value?.Trim().ToUpperInvariant() switch
        {
            "INTERNAL" => AuthorityKind.Internal,
            "PUBLIC" => AuthorityKind.Public,
            _ => null,
        };

        /// <summary>The Role metadata: true for Root, false for Intermediate (any case); null when empty or neither.</summary>
        public static bool? ParseRole(string? value) => value?.Trim().ToUpperInvariant() switch
        {
            "ROOT" => true,
            "INTERMEDIATE" => false,
            _ => null,
        };
    }

    /// <summary>A matched certificate, what was found against it, and the CA certificates above it.</summary>
    public sealed record Judged(IssuedMatch Match, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<byte[]> ChainPath);

    public sealed record Result(IReadOnlyList<Judged> Matches, IReadOnlyList<Diagnostic> Diagnostics)
    {
        /// <summary>
        /// Per planned certificate, the newest issued certificate with no error — errors as the caller
        /// counts them (the project's severity configuration applies).
        /// </summary>
        public IReadOnlyList<Judged> Passed(Func<Diagnostic, bool> isError) =>
            [.. Matches
                .Where(j => !j.Diagnostics.Any(isError))
                .GroupBy(j => j.Match.Planned.Id)
                .Select(g => g.OrderByDescending(j => j.Match.Issued.Certificate.NotAfter).First())];
    }

    public static Result Run(
        CertificatePlan plan,
        IReadOnlyList<Input> issued,
        IReadOnlyList<RootInput> roots,
        DateTimeOffset validationTime,
        bool requireAll,
        IReadOnlyDictionary<string, byte[]> centralPublicKeys,
        Action<string, int, int>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var loaded = Read(issued, diagnostics, progress, cancellationToken);
        var trusted = roots
            .SelectMany(r => CertificateFileReader.Read(r.Path, null, diagnostics).Select(c => new TrustedRoot(c, r.Authority, r.DeclaredRoot)))
            .ToList();
        CheckRoots(trusted, diagnostics);

        // End-entity certificates are judged; CA certificates in the files only help build chains. A
        // self-signed certificate, or one naming DNS hosts, is judged whatever its basic constraints say.
        var leaves = loaded.Where(c => !c.IsCertificateAuthority || c.IsSelfSigned || c.DnsNames.Count > 0).ToList();
        var intermediates = loaded.Except(leaves).ToList();
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
        var judged = new Judged[matches.Count];
        var judgedSoFar = 0;
        Parallel.For(0, matches.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            judged[i] = Judge(matches[i], chains, plan, validationTime, trusted.Count > 0);
            progress?.Invoke("certificates judged", Interlocked.Increment(ref judgedSoFar), matches.Count);
        });
        foreach (var j in judged)
        {
            diagnostics.AddRange(j.Diagnostics);
        }

        var issuedIds = matches.Select(m => m.Planned.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var planned in plan.Certificates.Where(c => !issuedIds.Contains(c.Id)))
        {
            diagnostics.Add(requireAll ? IssuedDiagnostics.NotIssuedRequired : IssuedDiagnostics.NotIssued, planned.Origin, planned.Id, planned.SubjectName);
        }

        return new Result(judged, diagnostics.Sorted());
    }

    private static List<LoadedCertificate> Read(IReadOnlyList<Input> issued, DiagnosticBag diagnostics, Action<string, int, int>? progress, CancellationToken cancellationToken)
    {
        var perFile = new (IReadOnlyList<LoadedCertificate> Certificates, DiagnosticBag Diagnostics)[issued.Count];
        var readSoFar = 0;
        Parallel.For(0, issued.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var bag = new DiagnosticBag();
            perFile[i] = (CertificateFileReader.Read(issued[i].Path, issued[i].PlannedId, bag), bag);
            progress?.Invoke("certificate files read", Interlocked.Increment(ref readSoFar), issued.Count);
        });
        foreach (var file in perFile)
        {
            diagnostics.AddRange(file.Diagnostics.Items);
        }

        return [.. perFile.SelectMany(f => f.Certificates)];
    }

    private static Judged Judge(IssuedMatch match, ChainBuilder chains, CertificatePlan plan, DateTimeOffset validationTime, bool rootsGiven)
    {
        var bag = new DiagnosticBag();
        IReadOnlyList<string> problems = [];
        TrustedRoot? root = null;
        IReadOnlyList<byte[]> path = [];
        try
        {
            (problems, root, path) = chains.Build(match.Issued);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // The platform's chain engine refuses the certificate itself (found by the fuzzer: a
            // certificate that loads but that OpenSSL cannot verify): it does not chain (CBT3113).
            problems = ["the platform could not build a chain for it (" + ex.Message.TrimEnd('.') + ")"];
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            bag.Add(InternalDiagnostics.UnexpectedFailure, match.Issued.Location, "building the chain of " + match.Issued.Display, ex.Message);
        }

        var check = new IssuedCheck(match.Planned, match.Issued, validationTime, plan.Policy.ExpiryWarningDays.Value, rootsGiven, problems, root)
        {
            Policy = plan.Policy,
            Chain = ChainAuthority.Of(path),
            ValidatedOutsideTheDomainBy = OutsideValidators.Of(plan, match.Planned),
        };
        foreach (var rule in RuleCatalog.IssuedRules)
        {
            RuleRunner.Run(rule.Descriptor, bag, report => rule.Analyze(check, report), match.Issued.File);
        }

        if (root is { Authority: null })
        {
            bag.Add(IssuedDiagnostics.AuthorityUnknown, match.Issued.Location, match.Issued.Display, match.Planned.Id, root.Loaded.Certificate.Subject);
        }

        return new Judged(match, bag.Items, path);
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
