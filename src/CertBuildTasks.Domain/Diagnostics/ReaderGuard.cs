
namespace CertBuildTasks.Diagnostics;

/// <summary>
/// Reads one input file so that a fault in its reader becomes CBT9000 at that file, not at the project:
/// the admin sees which input to look at (and to attach to the report), and the other inputs are still
/// read and checked. Cancellation passes through.
/// </summary>
internal static class ReaderGuard
{
    public static T Read<T>(string path, DiagnosticBag diagnostics, T fallback, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            diagnostics.Add(InternalDiagnostics.UnexpectedFailure, SourceLocation.File(path), "reading " + Path.GetFileName(path), ex.GetType().Name + ": " + ex.Message.TrimEnd('.'));
            return fallback;
        }
    }
}
