using CertBuildTasks.Naming;
using CertBuildTasks.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// A simple URL that carries a user name and password is refused (CBT1108), and the password appears
/// nowhere the build writes: not in the console, the SARIF log, the stage diagnostics, nor a binlog's
/// source of truth (the logged messages) — whatever characters the password holds, and whether it came
/// in the topology or the overrides.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class RedactionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<string> Passwords() =>
    [
        "my secret",
        "p\u00e4ssw\u00f6rd\u20ac",
        "{s3cr3t}",
        "p%41ss%20word",
        "qu\"ot'ed",
        "with@at",
        "slash/and?query#frag",
    ];

    [Theory]
    [MemberData(nameof(Passwords))]
    public void The_password_is_replaced_in_the_message_text(string password)
    {
        var redacted = SimpleUrl.Redacted("https://ops:" + password + "@meet.contoso.com/");
        Assert.Equal("https://***@meet.contoso.com/", redacted);
        Assert.Equal("https://meet.contoso.com", SimpleUrl.Redacted("https://meet.contoso.com"));
        Assert.DoesNotContain(password, SimpleUrl.Redacted("not a url ops:" + password + "@x"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void A_password_in_a_topology_url_is_refused_and_written_nowhere(string password)
    {
        var topology = SampleInputs.Topology();
        topology["simpleUrls"]!["dialin"] = "https://ops:" + password + "@dialin.contoso.com";
        var folder = _dir.File("t");
        var build = InProcessBuild.Run(HardeningProject.Write(folder, topology));
        AssertRefusedAndRedacted(build, folder, password, "topology.json");
    }

    [Theory]
    [MemberData(nameof(Passwords))]
    public void A_password_in_an_overrides_url_is_refused_and_written_nowhere(string password)
    {
        var folder = _dir.File("o");
        var project = HardeningProject.Write(folder, items: "<CertTopologyOverrides Include=\"overrides.json\" />");
        var overrides = new JObject { ["simpleUrls"] = new JObject { ["admin"] = "https://ops:" + password + "@admin.contoso.com" } };
        File.WriteAllText(Path.Combine(folder, "overrides.json"), SampleInputs.ToText(overrides));
        var build = InProcessBuild.Run(project);
        AssertRefusedAndRedacted(build, folder, password, "overrides.json");
    }

    private static void AssertRefusedAndRedacted(BuildRecord build, string folder, string password, string input)
    {
        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors, e => e.Code == "CBT1108");
        Assert.Contains("https://***@", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(input, error.File, StringComparison.Ordinal);

        // Everything logged, and every file the build wrote (the input itself aside).
        var logged = build.Errors.Select(e => e.Message).Concat(build.Warnings.Select(w => w.Message)).Concat(build.Messages.Select(m => m.Message ?? string.Empty));
        Assert.DoesNotContain(logged, m => m != null && m.Contains(password, StringComparison.Ordinal));
        var written = HardeningProject.AllText(Path.Combine(folder, "obj")).ToList();
        Assert.Contains(written, f => f.Path.EndsWith("certbuild.sarif", StringComparison.Ordinal));
        Assert.DoesNotContain(written, f => f.Text.Contains(password, StringComparison.Ordinal) || f.Text.Contains(Uri.EscapeDataString(password), StringComparison.Ordinal));
        Assert.DoesNotContain(written.Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal) || f.Path.EndsWith(".sarif", StringComparison.Ordinal)).SelectMany(f => Strings(System.Text.Json.Nodes.JsonNode.Parse(f.Text))), s => s.Contains(password, StringComparison.Ordinal));
    }

    /// <summary>Every string value of a JSON document, unescaped (a SARIF log escapes non-ASCII and quotes).</summary>
    private static IEnumerable<string> Strings(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Strings(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Strings),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };
}
