using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Csr;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Generation;

/// <summary>CSRs checked with the OpenSSL CLI and issued by a throwaway OpenSSL CA; the key store's rules.</summary>
public sealed class CsrTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CertificatePlan _plan = Generate.Run(SampleInputs.Policy()).Plan;

    public void Dispose() => _dir.Dispose();

    private CsrStage.Settings Settings(string? store = "keys", string? variable = "CBT_KEY_PASSWORD", string? password = "correct horse", IReadOnlyList<string>? outputs = null) =>
        new(store is null ? null : _dir.File(store), variable, password, outputs ?? [_dir.File("bin"), _dir.File("obj")], _dir.File("app.csproj"));

    [Fact]
    public void Every_exportable_certificate_gets_a_csr_that_openssl_verifies_and_that_says_what_the_plan_says()
    {
        var (files, diagnostics) = CsrStage.Run(_plan, Settings());
        Assert.Empty(diagnostics);
        var exportable = _plan.Certificates.Where(c => c.ExportablePrivateKey).ToList();
        Assert.Equal(exportable.Select(BundlePaths.Csr).Order(), files.Select(f => f.RelativePath).Order());
        Assert.Equal(5, files.Count);
        OpenSsl.CreateCa(_dir.Path);
        foreach (var c in exportable)
        {
            var csrPath = _dir.Write(c.Id + ".csr", System.Text.Encoding.ASCII.GetString(files.Single(f => f.RelativePath == BundlePaths.Csr(c)).Content));
            Assert.Contains("verify OK", OpenSsl.Run(_dir.Path, "req", "-in", csrPath, "-noout", "-verify"), StringComparison.Ordinal);
            var text = OpenSsl.Run(_dir.Path, "req", "-in", csrPath, "-noout", "-text");
            Assert.Contains("Signature Algorithm: sha256WithRSAEncryption", text, StringComparison.Ordinal);
            Assert.Contains($"Public-Key: ({c.KeySize} bit)", text, StringComparison.Ordinal);
            Assert.Contains(string.Join(", ", c.SanNames.Select(n => "DNS:" + n)), text, StringComparison.Ordinal);
            var subject = OpenSsl.Run(_dir.Path, "req", "-in", csrPath, "-noout", "-subject", "-nameopt", "RFC2253").Trim();
            var unit = c.CertificateAuthority == AuthorityKind.Internal ? "OU=IT," : string.Empty; // no OU for a public CA
            Assert.Equal($"subject=CN={c.SubjectName},{unit}O=Contoso Ltd,L=Redmond,ST=WA,C=US", subject);

            var request = CertificateRequest.LoadSigningRequestPem(File.ReadAllText(csrPath), HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
            var eku = request.CertificateExtensions.OfType<X509EnhancedKeyUsageExtension>().Single();
            Assert.Equal(CertreqInfWriter.RequestedEnhancedKeyUsages(c), eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));

            // A test CA issues from it; the certificate chains to the CA and carries the stored key.
            var certPath = _dir.File(c.Id + ".cer");
            OpenSsl.Issue(_dir.Path, csrPath, certPath);
            Assert.Contains(": OK", OpenSsl.Run(_dir.Path, "verify", "-CAfile", "ca.crt", certPath), StringComparison.Ordinal);
            using var issued = X509Certificate2.CreateFromPem(File.ReadAllText(certPath));
            using var key = new KeyStore(_dir.File("keys"), "correct horse").Load(c.Id);
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), issued.PublicKey.ExportSubjectPublicKeyInfo());
            Assert.Equal(c.SanNames, issued.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        }
    }

    [Fact]
    public void Keys_are_stored_encrypted_outside_the_bundle_and_reused_by_the_next_build()
    {
        var (first, _) = CsrStage.Run(_plan, Settings());
        var keyFiles = Directory.GetFiles(_dir.File("keys"));
        Assert.Equal(5, keyFiles.Length);
        Assert.All(keyFiles, f => Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.DoesNotContain(first, f => f.RelativePath.EndsWith(".pem", StringComparison.Ordinal) || f.RelativePath.Contains("key", StringComparison.OrdinalIgnoreCase));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var f in keyFiles)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f));
            }
        }

        var before = keyFiles.ToDictionary(f => f, File.ReadAllBytes);
        var (second, diagnostics) = CsrStage.Run(_plan, Settings());
        Assert.Empty(diagnostics);
        Assert.All(keyFiles, f => Assert.Equal(before[f], File.ReadAllBytes(f)));
        Assert.Equal(first.Select(f => f.Content), second.Select(f => f.Content)); // same key, same request: same bytes
    }

    [Theory]
    [InlineData(null, "CBT_KEY_PASSWORD", "pw", "CertKeyStorePath is not set")]
    [InlineData("keys", null, "pw", "CertKeyPasswordVariable is not set")]
    [InlineData("keys", "CBT_KEY_PASSWORD", null, "'CBT_KEY_PASSWORD' named by CertKeyPasswordVariable is empty or not set")]
    public void Missing_settings_give_a_clear_error_and_no_key_on_disk(string? store, string? variable, string? password, string message)
    {
        var (files, diagnostics) = CsrStage.Run(_plan, Settings(store, variable, password));
        Assert.Empty(files);
        Assert.Contains(diagnostics, d => d.Id == "CBT4003" && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.False(Directory.Exists(_dir.File("keys")));
    }

    [Fact]
    public void A_key_store_inside_obj_is_refused()
    {
        var (files, diagnostics) = CsrStage.Run(_plan, Settings(store: "obj/keys"));
        Assert.Empty(files);
        Assert.Equal("CBT4004", Assert.Single(diagnostics).Id);
        Assert.False(Directory.Exists(_dir.File("obj/keys")));
    }

    [Fact]
    public void A_wrong_password_leaves_the_stored_keys_untouched()
    {
        CsrStage.Run(_plan, Settings());
        var keyFiles = Directory.GetFiles(_dir.File("keys")).ToDictionary(f => f, File.ReadAllBytes);
        var (files, diagnostics) = CsrStage.Run(_plan, Settings(password: "wrong"));
        Assert.Equal(5, diagnostics.Count(d => d.Id == "CBT4005"));
        Assert.Empty(files);
        Assert.All(keyFiles, kv => Assert.Equal(kv.Value, File.ReadAllBytes(kv.Key)));
    }

    [Fact]
    public void A_key_stored_meanwhile_by_another_build_is_kept_and_used()
    {
        var store = new KeyStore(_dir.File("keys"), "correct horse");
        using var first = RSA.Create(2048);
        using var second = RSA.Create(2048);
        Assert.True(store.TrySaveNew("x", first));
        Assert.False(store.TrySaveNew("x", second));
        using var loaded = store.Load("x");
        Assert.Equal(first.ExportSubjectPublicKeyInfo(), loaded.ExportSubjectPublicKeyInfo());
        Assert.Single(Directory.GetFiles(_dir.File("keys"), "*", SearchOption.AllDirectories));
    }
}
