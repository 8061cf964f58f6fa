using CertBuildTasks.Planning;
using CertBuildTasks.Policy;
using CertBuildTasks.Topology;

namespace CertBuildTasks.Issued;

/// <summary>
/// Who validates a certificate without reaching Active Directory, and so cannot read an LDAP CRL or
/// issuer location: anyone outside for a public CA's certificate; for the Front End and Director
/// certificates of the internal CA, the workgroup Edge servers (their next hop) and the reverse proxy
/// (which bridges to the web services), when the topology has them.
/// </summary>
internal static class OutsideValidators
{
    public static string? Of(CertificatePlan plan, PlannedCertificate certificate)
    {
        if (certificate.CertificateAuthority == AuthorityKind.Public)
        {
            return "external clients and federated partners";
        }

        if (certificate.Kind is not (CertificateKind.FrontEnd or CertificateKind.Director))
        {
            return null;
        }

        var who = new List<string>();
        if (plan.Topology.Pools.Any(p => p.RoleValue == PoolRole.Edge))
        {
            who.Add("the Edge servers (not domain-joined)");
        }

        if (plan.Topology.ReverseProxy is not null)
        {
            who.Add("the reverse proxy in the perimeter network");
        }

        return who.Count == 0 ? null : string.Join(" and ", who);
    }
}
