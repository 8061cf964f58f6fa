namespace CertBuildTasks.Input;

/// <summary>The size every input is held to, whoever reads it.</summary>
public static class InputLimits
{
    /// <summary>16 MiB: a 10,000-server topology is about 2 MiB; anything larger is a mistake or an attack.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;
}
