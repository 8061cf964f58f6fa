using System.Diagnostics;
using System.Globalization;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Cli.Output;

/// <summary>
/// One line on stderr that says what the pipeline is doing ("issued: 2,048/10,000 certificate files
/// read"), rewritten in place and cleared at the end. Only on a terminal: a redirected stderr (a log
/// file, a CI job) gets none of it, and nothing of it ever reaches stdout.
/// </summary>
internal sealed class ProgressLine(TextWriter error) : IDisposable
{
    /// <summary>At most this often: a gate over 10,000 certificates reports 20,000 steps.</summary>
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly object _lock = new();
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private int _shown;
    private bool _any;

    public void Report(PipelineStage stage, string what, int done, int total)
    {
        lock (_lock)
        {
            // A stage's start and its last item always show; the steps between, at most every Interval.
            var last = total > 0 && done == total;
            if (total > 0 && !last && _since.Elapsed < Interval)
            {
                return;
            }

            _since.Restart();
            var text = total > 0
                ? string.Create(CultureInfo.InvariantCulture, $"certbuild: {stage.Name()}: {done:N0}/{total:N0} {what}")
                : $"certbuild: {stage.Name()}…";
            Write(text);
        }
    }

    private void Write(string text)
    {
        var padding = _shown > text.Length ? new string(' ', _shown - text.Length) : string.Empty;
        error.Write("\r" + text + padding);
        error.Flush();
        _shown = text.Length;
        _any = true;
    }

    /// <summary>Clears the line, so the findings that follow start at the left margin.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_any)
            {
                error.Write("\r" + new string(' ', _shown) + "\r");
                error.Flush();
                _any = false;
            }
        }
    }
}
