using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>A self-signed certificate for a name no plan has: the gate finds it matches nothing (CBT3005 and others, warnings).</summary>
public static class UnplannedCertificate
{
    /// <returns>The IssuedCertificate item that names it (issued/other.cer in <paramref name="dir"/>).</returns>
    public static string Write(TempDirectory dir)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=other.example.net", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("other.example.net");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        dir.Write("issued/other.cer", certificate.ExportCertificatePem());
        return "<IssuedCertificate Include=\"issued/other.cer\" />";
    }
}
