using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Input;
using CertBuildTasks.Tests.Infrastructure;
using CertBuildTasks.Validation;

namespace CertBuildTasks.Tests.Input;

/// <summary>Broken inputs each give one clear CBT diagnostic with a location, never an exception.</summary>
public class InputFileTests
{
    private static Diagnostic Single(string topologyText, string fileName = "topology.json")
    {
        using var temp = new TempDirectory();
        var path = temp.Write(fileName, topologyText);
        var result = InputValidator.Validate(InputFileReader.Files, path, null);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.Single(errors);
        Assert.Null(result.Topology);
        return errors[0];
    }

    [Fact]
    public void Malformed_json_is_CBT1003_at_the_offending_line()
    {
        var text = SampleInputs.ToText(SampleInputs.Topology());
        var lines = text.Split('\n').ToList();
        lines.Insert(2, "  \"broken\": ,");
        var d = Single(string.Join('\n', lines));
        Assert.Equal("CBT1003", d.Id);
        Assert.Equal(3, d.Location.Line);
        Assert.DoesNotContain("Path '", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_type_is_CBT1004_naming_the_property()
    {
        var topology = SampleInputs.Topology();
        topology["mobility"] = "yes";
        var text = SampleInputs.ToText(topology);
        var d = Single(text);
        Assert.Equal("CBT1004", d.Id);
        Assert.Contains("'mobility' must be true or false", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(text, "\"mobility\""), d.Location.Line);
    }

    [Fact]
    public void An_integer_beyond_64_bits_is_CBT1004_where_it_is()
    {
        // Found by the fuzzer: Newtonsoft reads it as a BigInteger, which the schema validator cannot compare.
        var text = SampleInputs.ToText(SampleInputs.Topology()).Replace("\"mobility\": true", "\"mobility\": 92233720368547758070", StringComparison.Ordinal);
        Assert.Contains("92233720368547758070", text, StringComparison.Ordinal);
        var d = Single(text);
        Assert.Equal("CBT1004", d.Id);
        Assert.Contains("beyond a 64-bit integer", d.Message, StringComparison.Ordinal);
        Assert.Contains("mobility", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(text, "\"mobility\""), d.Location.Line);
    }

    [Fact]
    public void An_unknown_property_is_CBT1004_at_that_property()
    {
        var topology = SampleInputs.Topology();
        SampleInputs.Pool(topology, "Edge")["acessFqdn"] = "sip.contoso.com";
        var text = SampleInputs.ToText(topology);
        var d = Single(text);
        Assert.Equal("CBT1004", d.Id);
        Assert.Contains("Unknown property 'acessFqdn'", d.Message, StringComparison.Ordinal);
        Assert.Equal(SampleInputs.LineOf(text, "acessFqdn"), d.Location.Line);
    }

    [Fact]
    public void A_value_outside_an_enumeration_lists_the_allowed_values()
    {
        var topology = SampleInputs.Topology();
        topology["productVersion"] = "Lync2010";
        var d = Single(SampleInputs.ToText(topology));
        Assert.Contains("Lync2013, SfB2015, SfB2019", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_reported()
    {
        var topology = SampleInputs.Topology();
        topology.Remove("sipDomains");
        Assert.Contains("Missing required property 'sipDomains'", Single(SampleInputs.ToText(topology)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    public void An_empty_file_is_CBT1002(string text) => Assert.Equal("CBT1002", Single(text).Id);

    [Fact]
    public void A_missing_file_is_CBT1001()
    {
        using var temp = new TempDirectory();
        var d = Assert.Single(InputValidator.Validate(InputFileReader.Files, temp.File("nope.json"), null).Diagnostics);
        Assert.Equal("CBT1001", d.Id);
        Assert.Contains("nope.json", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_50_MB_file_is_CBT1005_without_being_parsed()
    {
        using var temp = new TempDirectory();
        var path = temp.File("huge.json");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var d = Assert.Single(InputValidator.Validate(InputFileReader.Files, path, null).Diagnostics);
        Assert.Equal("CBT1005", d.Id);
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void Invalid_utf8_is_CBT1006()
    {
        using var temp = new TempDirectory();
        var path = temp.File("latin1.json");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("{ \"productVersion\": \"SfB2015\", \"x\": \"caf\u00e9\" }"));
        Assert.Equal("CBT1006", Assert.Single(InputValidator.Validate(InputFileReader.Files, path, null).Diagnostics).Id);
    }

    [Fact]
    public void Utf8_and_utf16_byte_order_marks_are_accepted()
    {
        var text = SampleInputs.ToText(SampleInputs.Topology());
        using var temp = new TempDirectory();
        foreach (var encoding in new Encoding[] { new UTF8Encoding(true), new UnicodeEncoding(false, true), new UnicodeEncoding(true, true) })
        {
            var path = temp.File("bom.json");
            File.WriteAllBytes(path, [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);
            var result = InputValidator.Validate(InputFileReader.Files, path, null);
            Assert.NotNull(result.Topology);
        }
    }

    [Fact]
    public void A_duplicate_key_is_CBT1003_at_the_second_key()
    {
        var text = "{\n  \"productVersion\": \"SfB2015\",\n  \"productVersion\": \"SfB2019\"\n}";
        var d = Single(text);
        Assert.Equal("CBT1003", d.Id);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void Deep_nesting_is_a_syntax_error_not_a_stack_overflow()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        Assert.Equal("CBT1003", Single(text).Id);
    }

    [Fact]
    public void Text_after_the_document_is_a_syntax_error()
    {
        var text = SampleInputs.ToText(SampleInputs.Topology()) + "\n{}";
        Assert.Equal("CBT1003", Single(text).Id);
    }

    [Fact]
    public void A_topology_in_an_unknown_format_gets_a_clear_unsupported_format_diagnostic()
    {
        var d = Single("sites: []", "contoso.yaml");
        Assert.Equal("CBT1008", d.Id);
        Assert.Contains(".tbxml", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_schema_errors_are_all_reported_in_one_run()
    {
        var topology = SampleInputs.Topology();
        topology["mobility"] = "yes";
        topology["xmpp"] = 1;
        topology["unknown"] = true;
        using var temp = new TempDirectory();
        var path = temp.Write("t.json", SampleInputs.ToText(topology));
        var errors = InputValidator.Validate(InputFileReader.Files, path, null).Diagnostics.Where(d => d.Id == "CBT1004").ToList();
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Both_inputs_are_reported_in_one_run()
    {
        using var temp = new TempDirectory();
        var topology = temp.Write("t.json", "{ ");
        var policy = temp.Write("p.json", "{ \"keySize\": \"big\" }");
        var ids = InputValidator.Validate(InputFileReader.Files, topology, policy).Diagnostics.Select(d => d.Id).ToList();
        Assert.Equal(["CBT1004", "CBT1003"], ids.OrderByDescending(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void The_shipped_schemas_are_the_embedded_ones()
    {
        var kinds = Enum.GetValues<InputKind>().Where(k => k.HasSchema()).ToList();
        Assert.Equal(3, kinds.Count);
        Assert.Equal(kinds.Count, Directory.GetFiles(Path.Combine(RepoPaths.Root, "schemas"), "*.schema.json").Length);
        foreach (var kind in kinds)
        {
            var onDisk = File.ReadAllText(Path.Combine(RepoPaths.Root, "schemas", kind.SchemaFileName()));
            Assert.Equal(onDisk, SchemaValidator.GetSchemaText(kind));
        }
    }

    [Fact]
    public void Every_schema_has_its_own_id_and_lets_an_input_name_its_schema()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<InputKind>().Where(k => k.HasSchema()))
        {
            var schema = Newtonsoft.Json.Linq.JObject.Parse(SchemaValidator.GetSchemaText(kind));
            var id = (string)schema["$id"]!;
            Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), id);
            Assert.True(ids.Add(id), id);
            Assert.NotNull(schema["properties"]!["$schema"]);
        }
    }
}
