using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>A meet simple URL; meet URLs are per SIP domain.</summary>
public sealed record MeetUrl(Located<string> Domain, Located<string> Url, SourceLocation Location);
