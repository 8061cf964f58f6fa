namespace CertBuildTasks.IO;

/// <summary>
/// Writing an output (staging folder, plan, SARIF log, bundle, zip) failed: a read-only folder, a full
/// disk, a file held open. Thrown by the writers with the path they were writing, so the task can say
/// which output failed (CBT4007) rather than report an internal error.
/// </summary>
public sealed class OutputWriteException(string path, Exception inner) : IOException(inner.Message, inner)
{
    public string Path { get; } = path;

    /// <summary>A failure of the file system (read-only, full, locked) not yet attributed to an output.</summary>
    public static bool IsUnattributed(Exception ex) => ex is (IOException or UnauthorizedAccessException) and not OutputWriteException;

    /// <summary>Runs <paramref name="write"/>, turning a file system failure into an OutputWriteException for <paramref name="path"/>.</summary>
    public static void Guard(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (IsUnattributed(ex))
        {
            throw new OutputWriteException(path, ex);
        }
    }
}
