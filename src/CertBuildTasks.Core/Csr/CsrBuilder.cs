using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertBuildTasks.Planning;

namespace CertBuildTasks.Csr;

/// <summary>A PKCS#10 request (PEM) that says exactly what the plan says: subject, SANs, EKUs, key usage, digest.</summary>
public static class CsrBuilder
{
    public static string Build(PlannedCertificate c, RSA key)
    {
        var request = new CertificateRequest(Subject(c), key, Digest(c.HashAlgorithm), RSASignaturePadding.Pkcs1);
        var sans = new SubjectAlternativeNameBuilder();
        foreach (var name in c.SanNames)
        {
            sans.AddDnsName(name);
        }

        request.CertificateExtensions.Add(sans.Build());
        var ekus = new OidCollection();
        foreach (var oid in Generation.CertreqInfWriter.RequestedEnhancedKeyUsages(c))
        {
            ekus.Add(new Oid(oid));
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(ekus, critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        return request.CreateSigningRequestPem();
    }

    /// <summary>
    /// Encoded C, S, L, O, OU, CN (most significant first, the usual order): the builder encodes in the
    /// reverse of the order of the Add calls, so the common name is added first.
    /// </summary>
    public static X500DistinguishedName Subject(PlannedCertificate c)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(c.SubjectName);
        if (c.Subject.OrganizationalUnit is { } unit)
        {
            builder.AddOrganizationalUnitName(unit.Value);
        }

        if (c.Subject.Organization is { } organization)
        {
            builder.AddOrganizationName(organization.Value);
        }

        if (c.Subject.Locality is { } locality)
        {
            builder.AddLocalityName(locality.Value);
        }

        if (c.Subject.State is { } state)
        {
            builder.AddStateOrProvinceName(state.Value);
        }

        if (c.Subject.Country is { } country)
        {
            builder.AddCountryOrRegion(country.Value.ToUpperInvariant());
        }

        return builder.Build();
    }

    public static HashAlgorithmName Digest(string hash) => hash switch
    {
        "SHA384" => HashAlgorithmName.SHA384,
        "SHA512" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };
}
