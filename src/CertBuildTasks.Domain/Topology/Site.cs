using System.Collections.Immutable;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Topology;

/// <summary>A central site with its pools and, optionally, its own simple URLs.</summary>
public sealed record Site(Located<string> Name, SimpleUrlSet? SimpleUrls, ImmutableArray<Pool> Pools, SourceLocation Location);
