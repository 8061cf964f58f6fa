using CertBuildTasks.Validation;
using CertBuildTasks.Planning;
using CertBuildTasks.Rules.Generation;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Rules.Generation;

public class TextPlacementRuleTests
{
    private static JObject WithCaConfig(string config)
    {
        var policy = SampleInputs.Policy();
        policy["certificateAuthorities"]!["internal"]!["config"] = config;
        return policy;
    }

    [Fact]
    public void The_sample_values_can_be_written_where_they_go() => Assert.Empty(Generate.Run(SampleInputs.Policy()).Of("CBT4009"));

    [Theory]
    [InlineData("ca01.contoso.com\\Contoso CA\" -attrib \"CertificateTemplate:SubCA", "'\"'")]
    [InlineData("ca01.contoso.com\\Contoso `$CA", "'`'")]
    [InlineData("ca01.contoso.com\\Contoso $env:USERNAME", "'$'")]
    [InlineData("ca01.contoso.com\\Contoso %USERNAME%", "'%'")]
    [InlineData("ca01.contoso.com\\Contoso CA\\", "ends with '\\'")]
    public void A_ca_config_that_a_command_line_would_read_as_syntax_is_refused_at_the_setting(string config, string why)
    {
        var outcome = Generate.Run(WithCaConfig(config));
        var d = Assert.Single(outcome.Of("CBT4009"));
        Assert.Contains("certificateAuthorities.internal.config", d.Message, StringComparison.Ordinal);
        Assert.Contains("certreq -config argument", d.Message, StringComparison.Ordinal);
        Assert.Contains(why, d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(outcome.PolicyText, "\"config\""), d.Location.Line);
        Assert.Empty(outcome.Files);
        Assert.False(TextPlacementRule.Rule.IsConfigurable);
    }

    [Fact]
    public void A_bidirectional_override_in_the_ca_config_is_refused()
    {
        var outcome = Generate.Run(WithCaConfig("ca01.contoso.com\\Contoso \u202EAC gnissu\u202C"));
        var d = Assert.Single(outcome.Of("CBT4009"));
        Assert.Contains("U+202E", d.Message, StringComparison.Ordinal);
        Assert.Empty(outcome.Files);
    }

    [Theory]
    [InlineData("SHA256\r\nKeyLength = 1024")]
    [InlineData("SHA256 KeyLength=1024")]
    [InlineData("SHA256;x")]
    public void A_digest_that_is_not_one_word_never_reaches_the_inf(string hash)
    {
        var policy = SampleInputs.Policy();
        policy["hashAlgorithm"] = hash;
        var outcome = Run(policy);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "CBT4009" && d.Message.Contains("HashAlgorithm line", StringComparison.Ordinal));
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void A_name_that_is_not_a_dns_name_never_reaches_a_request()
    {
        // CBT2101 judges names in the plan and can be configured away; the placement check cannot.
        var policy = SampleInputs.Policy();
        policy["certificates"] = new JObject { ["frontEnd"] = new JObject { ["additionalNames"] = new JArray("extra name.contoso.com") } };
        var outcome = Run(policy);
        var refused = outcome.Diagnostics.Where(x => x.Id == "CBT4009").ToList();
        Assert.Equal(3, refused.Count); // one per Front End certificate that would carry it
        Assert.All(refused, d => Assert.Contains("'extra name.contoso.com'", d.Message, StringComparison.Ordinal));
        Assert.Empty(outcome.Files);
    }

    [Fact]
    public void Command_line_problems_are_named_and_ordinary_configs_have_none()
    {
        Assert.Null(TextPlacementRule.CommandLineProblem("ca01.contoso.com\\Contoso Issuing CA"));
        Assert.Null(TextPlacementRule.CommandLineProblem("ca01.contoso.com\\Soci\u00e9t\u00e9 O'Brien & Sons (R&D)"));
        Assert.NotNull(TextPlacementRule.CommandLineProblem("a\\b\""));
    }

    /// <summary>
    /// Generation without the validation gate in front of it: what reaches the stage when the rules that
    /// judge these values (CBT2003, CBT2101) are configured to none.
    /// </summary>
    private static (IReadOnlyList<CertBuildTasks.Generation.GeneratedFile> Files, IReadOnlyList<CertBuildTasks.Diagnostics.Diagnostic> Diagnostics) Run(JObject policy)
    {
        var validation = Validate.Run(SampleInputs.Topology(), policy);
        Assert.NotNull(validation.Result.Policy);
        var (plan, _) = CertBuildTasks.Validation.PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, Infrastructure.Plan.RequestTime);
        return CertBuildTasks.Pipeline.GenerationStage.Run(plan, Generate.Version);
    }
}
