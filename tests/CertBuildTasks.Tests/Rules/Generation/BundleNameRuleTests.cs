using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.Rules.Generation;

public class BundleNameRuleTests
{
    private static string Fqdn(int length)
    {
        var labels = new List<string>();
        var left = length - ".contoso.com".Length;
        while (left > 0)
        {
            var label = Math.Min(63, left == 64 ? 62 : left);
            labels.Add(new string('a', label));
            left -= label + 1;
        }

        return string.Join('.', labels) + ".contoso.com";
    }

    private static Generate.Outcome WithServer(string fqdn)
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "FrontEnd")["servers"]![1] = fqdn;
        return Generate.Run(SampleInputs.Policy(), topology);
    }

    [Fact]
    public void Sample_names_fit() => Assert.Empty(Generate.Run(SampleInputs.Policy()).Of("CBT4008"));

    [Fact]
    public void A_253_character_fqdn_gives_a_file_name_no_file_system_takes()
    {
        var fqdn = Fqdn(253);
        Assert.InRange(fqdn.Length, 250, 253);
        var outcome = WithServer(fqdn);
        var d = Assert.Single(outcome.Of("CBT4008"));
        Assert.Contains($"'frontend-{fqdn}.chain.p7b' is refused", d.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_120_character_fqdn_gives_a_path_windows_cannot_open_when_unpacked()
    {
        var outcome = WithServer(Fqdn(120));
        var d = Assert.Single(outcome.Of("CBT4008"));
        Assert.Contains("characters long; Windows opens paths of 220", d.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_60_character_fqdn_fits()
    {
        var outcome = WithServer(Fqdn(60));
        Assert.Empty(outcome.Of("CBT4008"));
        Assert.NotEmpty(outcome.Files);
    }
}
