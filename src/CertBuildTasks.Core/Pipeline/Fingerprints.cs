using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CertBuildTasks.Deployed;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Issued;

namespace CertBuildTasks.Pipeline;

/// <summary>
/// A stage's result in one digest: what it produced and what it found. Equal digests mean the stages
/// after it would see the same thing, so an incremental build keeps their stored results.
/// </summary>
internal static class Fingerprints
{
    public static string Of(ReadOnlySpan<byte> output, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(output);
        Append(hash, diagnostics);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Validation: the digests of the input files (a touched but unchanged file is the same result).</summary>
    public static string OfInputs(IEnumerable<(string Path, byte[]? Sha256)> inputs, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, sha256) in inputs)
        {
            Text(hash, path);
            hash.AppendData(sha256 ?? []);
        }

        Append(hash, diagnostics);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Generation: every file's path and digest.</summary>
    public static string OfFiles(IReadOnlyDictionary<string, byte[]> sha256ByPath, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, sha256) in sha256ByPath.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Text(hash, path);
            hash.AppendData(sha256);
        }

        Append(hash, diagnostics);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The gate: what passed, and the certificate files as they are on disk (the manifest hashes them).</summary>
    public static string OfGate(IEnumerable<IssuedRecord> records, IEnumerable<string> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            Text(hash, string.Join('|', r.Id, r.Thumbprint, r.NotBefore.UtcTicks, r.NotAfter.UtcTicks, r.File, r.Chain.Count));
            foreach (var ca in r.Chain)
            {
                hash.AppendData(SHA256.HashData(ca));
            }
        }

        Stats(hash, files);
        Append(hash, diagnostics);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>The deployed check: the certificates in service as read, and the export files as they are on disk.</summary>
    public static string OfDeployed(IEnumerable<DeployedCertificate> deployed, IEnumerable<string> files, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in deployed)
        {
            Text(hash, string.Join('|', d.Server, string.Join(',', d.Usages), d.Thumbprint, d.SubjectName, string.Join(',', d.DnsNames), d.NotAfter.UtcTicks, d.Display, d.Location.FilePath, d.Location.Line, d.KeySize, d.SignatureAlgorithm));
        }

        Stats(hash, files);
        Append(hash, diagnostics);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>
    /// Length and time of each file: the gate and the deployed check read thousands of files on every
    /// build, and reading them a second time only to hash them would double that.
    /// </summary>
    private static void Stats(IncrementalHash hash, IEnumerable<string> files)
    {
        foreach (var path in files.Distinct(StringComparer.Ordinal))
        {
            var info = new FileInfo(path);
            Text(hash, path + "|" + (info.Exists ? info.Length.ToString(CultureInfo.InvariantCulture) + "|" + info.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture) : "-"));
        }
    }

    private static void Append(IncrementalHash hash, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Text(hash, string.Join('|', d.Id, d.Severity, d.Location.FilePath, d.Location.Line, d.Location.Column, d.Message));
        }
    }

    private static void Text(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }
}
