using CertBuildTasks.Diagnostics;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Rules.Policy;

public class PolicyDefaultsAppliedRuleTests
{
    [Fact]
    public void A_policy_that_sets_everything_reports_no_defaults() =>
        Assert.Empty(Validate.Run(SampleInputs.Topology(), SampleInputs.Policy()).Of("CBT2000"));

    [Fact]
    public void Omitted_settings_are_reported_as_info_with_their_values()
    {
        var policy = SampleInputs.Policy();
        policy.Remove("keySize");
        policy.Remove("hashAlgorithm");
        var d = Assert.Single(Validate.Run(SampleInputs.Topology(), policy).Of("CBT2000"));
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Contains("keySize = 2048", d.Message, StringComparison.Ordinal);
        Assert.Contains("hashAlgorithm = SHA256", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("keyAlgorithm", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_policy_file_the_built_in_defaults_are_reported()
    {
        var d = Assert.Single(Validate.Run(SampleInputs.Topology(), policy: null).Of("CBT2000"));
        Assert.StartsWith("No certificate policy is given (a CertPolicy item, or certbuild --policy), so the plan uses built-in defaults: ", d.Message, StringComparison.Ordinal);
        Assert.True(d.Location.IsNone);
        Assert.DoesNotContain(Validate.Run(SampleInputs.Topology(), new JObject()).Diagnostics, x => x.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void The_defaults_are_printed_in_the_schema_s_spelling_so_they_can_be_pasted_into_a_policy()
    {
        // Each "path = value" of the built-in defaults, written back into a policy file, is valid.
        var d = Assert.Single(Validate.Run(SampleInputs.Topology(), policy: null).Of("CBT2000"));
        var pairs = d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..].Split("; ").Where(p => p.Contains(" = ", StringComparison.Ordinal) && !p.Contains("(none", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pairs);
        var written = new JObject();
        foreach (var pair in pairs)
        {
            var (path, value) = (pair[..pair.IndexOf(" = ", StringComparison.Ordinal)], pair[(pair.IndexOf(" = ", StringComparison.Ordinal) + 3)..]);
            Assert.DoesNotMatch("^(True|False|[A-Z][a-z]+)$", value is "SHA256" or "RSA" ? "ok" : value);
            var segments = path.Split('.');
            var target = written;
            foreach (var segment in segments[..^1])
            {
                target = (JObject)(target[segment] ??= new JObject());
            }

            target[segments[^1]] = value is "true" or "false" || long.TryParse(value, out _) ? JToken.Parse(value) : new JValue(value);
        }

        using var dir = new TempDirectory();
        var bag = new CertBuildTasks.Diagnostics.DiagnosticBag();
        Assert.True(CertBuildTasks.Input.SchemaValidator.Validate(written, dir.File("policy.json"), CertBuildTasks.Input.InputKind.Policy, bag), string.Join("\n", bag.Items.Select(i => i.Message)) + "\n" + written);
    }
}
