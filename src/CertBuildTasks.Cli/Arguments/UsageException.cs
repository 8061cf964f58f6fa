namespace CertBuildTasks.Cli.Arguments;

/// <summary>A command line certbuild cannot act on (an unknown option, a missing value, a file that is not there): exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message)
{
}
