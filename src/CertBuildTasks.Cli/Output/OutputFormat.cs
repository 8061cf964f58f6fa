namespace CertBuildTasks.Cli.Output;

/// <summary>--format: canonical lines for people and problem matchers, or one JSON document for scripts.</summary>
internal enum OutputFormat
{
    Text,
    Json,
}
