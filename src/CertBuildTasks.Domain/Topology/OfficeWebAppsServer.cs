using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>An Office Web Apps / Office Online Server farm; its external FQDN is published by the reverse proxy.</summary>
public sealed record OfficeWebAppsServer(Located<string> Fqdn, Located<string>? ExternalFqdn, SourceLocation Location);
