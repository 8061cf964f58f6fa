using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>The public names of an Edge pool's external interface (Access, Web Conferencing, A/V Edge).</summary>
public sealed record EdgeExternalFqdns(
    Located<string>? AccessEdge,
    Located<string>? WebConferencing,
    Located<string>? AudioVideo,
    SourceLocation Location);
