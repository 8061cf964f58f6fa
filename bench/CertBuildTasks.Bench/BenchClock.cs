namespace CertBuildTasks.Bench;

/// <summary>The instant every in-process stage of the benchmark plans at: a fixed month, so runs compare.</summary>
public static class BenchClock
{
    public static readonly DateTimeOffset RequestTime = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
}
