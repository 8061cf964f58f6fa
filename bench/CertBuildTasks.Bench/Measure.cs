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

        return new Result(Median(times), times.Min(), allocated, Process.GetCurrentProcess().PeakWorkingSet64);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>One timed run, after a collection so an earlier run's garbage is not charged to it.</summary>
    public static double Once(Action action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }
}
