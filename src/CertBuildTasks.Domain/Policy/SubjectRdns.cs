using CertBuildTasks.Topology;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Policy;

/// <summary>Subject RDNs that follow the CN: O, OU, L, S, C.</summary>
public sealed record SubjectRdns(
    Located<string>? Organization,
    Located<string>? OrganizationalUnit,
    Located<string>? Locality,
    Located<string>? State,
    Located<string>? Country)
{
    public static readonly SubjectRdns None = new(null, null, null, null, null);
}
