using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CertBuildTasks.Tests.Lifecycle;

/// <summary>
/// A certificate in one of a machine's stores, as Windows keeps it: the certificate, its private key
/// when the store holds one, the friendly name (a property of the store entry, not of the
/// certificate) and whether the key may be exported. learn.microsoft.com: "Certificate stores"
/// (LocalMachine\My, Root, CA and REQUEST, the store certreq -new keeps pending requests in).
/// </summary>
public sealed class StoredCertificate(X509Certificate2 certificate, string friendlyName, bool exportable, RSA? key)
{
    public X509Certificate2 Certificate { get; } = certificate;

    public string FriendlyName { get; set; } = friendlyName;

    public bool Exportable { get; } = exportable;

    /// <summary>The private key (null for a certificate without one, such as a CA certificate).</summary>
    public RSA? Key { get; } = key;

    public string Thumbprint => Certificate.Thumbprint.ToUpperInvariant();

    public byte[] PublicKey => Certificate.PublicKey.EncodedKeyValue.RawData;
}

/// <summary>
/// What Set-CsCertificate records for one usage (learn.microsoft.com Set-CsCertificate and
/// "Staging AV and OAuth certificates using -Roll in Set-CsCertificate"): the thumbprint, the date it
/// takes effect and the certificate it rolled over from. Lync keeps at most two per usage: the one in
/// effect and the one it replaces or that replaces it.
/// </summary>
public sealed record CsReference(string Thumbprint, DateTimeOffset EffectiveDate, string? PreviousThumbprint);

/// <summary>One server of the simulated estate.</summary>
public sealed class Machine(string fqdn, string role, bool domainJoined, bool hasPkiModule)
{
    public string Fqdn { get; } = fqdn;

    /// <summary>FrontEnd, Director, Mediation, Edge, ReverseProxy, OfficeWebApps.</summary>
    public string Role { get; } = role;

    /// <summary>Edge servers and the reverse proxy are workgroup machines in the perimeter network.</summary>
    public bool DomainJoined { get; } = domainJoined;

    /// <summary>
    /// Windows Server 2012 and later: the PKI module (Import-Certificate, Import-PfxCertificate,
    /// Export-PfxCertificate). Windows Server 2008 R2 SP1, which Lync 2013 and SfB 2015 support, has none.
    /// </summary>
    public bool HasPkiModule { get; set; } = hasPkiModule;

    public Dictionary<string, List<StoredCertificate>> Stores { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["My"] = [],
        ["Root"] = [],
        ["CA"] = [],
        ["REQUEST"] = [],
    };

    /// <summary>Local assignments (Set-CsCertificate without -Identity Global), by usage.</summary>
    public Dictionary<string, List<CsReference>> Assignments { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Requests Request-CsCertificate could not complete because the CA holds them for approval.</summary>
    public List<(int RequestId, string[] Types)> CmdletPending { get; } = [];

    public List<StoredCertificate> My => Stores["My"];

    public StoredCertificate? InMy(string thumbprint) => My.FirstOrDefault(c => c.Thumbprint.Equals(thumbprint, StringComparison.OrdinalIgnoreCase));

    public void Trust(X509Certificate2 ca, string store)
    {
        if (!Stores[store].Any(c => c.Thumbprint.Equals(ca.Thumbprint, StringComparison.OrdinalIgnoreCase)))
        {
            Stores[store].Add(new StoredCertificate(X509CertificateLoader.LoadCertificate(ca.RawData), string.Empty, false, null));
        }
    }
}
