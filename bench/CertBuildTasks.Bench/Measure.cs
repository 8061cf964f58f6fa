using System.Diagnostics;

namespace CertBuildTasks.Bench;

/// <summary>Runs an action repeatedly and reports the median time and the allocations of one run.</summary>
public static class Measure
{
    public sealed record Result(double MedianMilliseconds, double MinMilliseconds, long AllocatedBytes, long PeakWorkingSetBytes);

    public static Result Run(Action action, int runs)
    {
        action(); // warm-up: JIT, schema load
        var times = new List<double>(runs);
        long allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            action();
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return new Result(times[times.Count / 2], times[0], allocated, Process.GetCurrentProcess().PeakWorkingSet64);
    }
}
