using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Tests.Diagnostics;

/// <summary>A fault in an input's reader is CBT9000 at that input, and cancellation is not a fault.</summary>
public class ReaderGuardTests
{
    [Fact]
    public void A_reader_fault_is_CBT9000_at_the_file_being_read_and_the_fallback_is_returned()
    {
        var bag = new DiagnosticBag();
        var path = Path.Combine(Path.GetTempPath(), "deployed-export.json");
        var result = ReaderGuard.Read<IReadOnlyList<int>>(path, bag, [], () => throw new InvalidOperationException("Sequence contains no elements."));
        Assert.Empty(result);
        var d = Assert.Single(bag.Items);
        Assert.Equal("CBT9000", d.Id);
        Assert.Equal(path, d.Location.FilePath);
        Assert.Contains("reading deployed-export.json: InvalidOperationException: Sequence contains no elements", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_passes_through_and_a_good_read_is_returned_as_it_is()
    {
        var bag = new DiagnosticBag();
        Assert.Throws<OperationCanceledException>(() => ReaderGuard.Read("a.json", bag, 0, () => throw new OperationCanceledException()));
        Assert.Equal(42, ReaderGuard.Read("a.json", bag, 0, () => 42));
        Assert.Empty(bag.Items);
    }
}
