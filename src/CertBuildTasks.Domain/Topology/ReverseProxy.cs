using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>The reverse proxy that publishes the external web services (not a Lync role: no -Type).</summary>
public sealed record ReverseProxy(Located<string>? Name, bool PublishOfficeWebApps, SourceLocation Location);
