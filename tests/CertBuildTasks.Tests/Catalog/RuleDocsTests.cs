using CertBuildTasks.Rules;

namespace CertBuildTasks.Tests.Catalog;

/// <summary>
/// The rule pages' headers and the catalogue's rows are what <see cref="RuleDocsGenerator"/> makes from
/// the code: a descriptor changed without its page fails here. With UPDATE_RULE_DOCS=1 the files are
/// rewritten instead (then review the diff).
/// </summary>
public sealed class RuleDocsTests
{
    private static bool Update => Environment.GetEnvironmentVariable("UPDATE_RULE_DOCS") == "1";

    private static void Check(string path, string expected)
    {
        var current = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Update && current != expected)
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(current == expected, Path.GetFileName(path) + " differs from what the code says; run: dotnet test --filter RuleDocs -e UPDATE_RULE_DOCS=1");
    }

    [Fact]
    public void Every_page_header_is_generated_from_its_descriptor_and_cites_the_source_of_the_rule()
    {
        var sources = RuleDocsGenerator.Sources();
        Assert.Equal(RuleCatalog.AllDescriptors.Select(d => d.Id).Order(StringComparer.Ordinal), sources.Keys.Order(StringComparer.Ordinal));
        foreach (var descriptor in RuleCatalog.AllDescriptors)
        {
            var path = Path.Combine(RuleDocsGenerator.RulesDocs, descriptor.Id + ".md");
            var current = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            Check(path, RuleDocsGenerator.Page(descriptor, current, sources[descriptor.Id]));
        }
    }

    [Fact]
    public void The_catalogue_rows_are_generated_from_the_descriptors()
    {
        var path = Path.Combine(RuleDocsGenerator.RulesDocs, "README.md");
        Check(path, RuleDocsGenerator.Catalogue(File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_public_source_is_a_web_address_and_a_product_decision_names_its_section()
    {
        foreach (var (id, source) in RuleDocsGenerator.Sources())
        {
            Assert.False(string.IsNullOrWhiteSpace(source.Title), id);
            Assert.False(string.IsNullOrWhiteSpace(source.Section), id);
            if (source.Url is not null)
            {
                Assert.True(Uri.TryCreate(source.Url, UriKind.Absolute, out var uri) && uri.Scheme == "https", id + ": " + source.Url);
            }
            else
            {
                Assert.StartsWith("PRODUCT.md", source.Title, StringComparison.Ordinal);
            }
        }
    }
}
