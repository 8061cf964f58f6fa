using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Generation;

/// <summary>A PKCS#7 (.p7b) bundle of CA certificates, as the assignment scripts' -CaChainPath takes it.</summary>
internal static class ChainBundle
{
    public static byte[] Pkcs7(IEnumerable<byte[]> certificates)
    {
        var collection = new X509Certificate2Collection();
#pragma warning disable SYSLIB0057 // net8.0 has no X509CertificateLoader
        foreach (var der in certificates)
        {
            collection.Add(new X509Certificate2(der));
        }
#pragma warning restore SYSLIB0057

        return collection.Export(X509ContentType.Pkcs7) ?? [];
    }
}
