using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using CertBuildTasks.Tests.Infrastructure;

namespace CertBuildTasks.Tests.MSBuild;

/// <summary>
/// The analyzer as a consumer gets it: packed under analyzers/dotnet/ with what it needs, loaded by the
/// real compiler of the SDK in a design-time build, and absent from an explicit build, where the tasks
/// are the one reporter.
/// </summary>
[Trait("Lane", "Build")]
[Collection(MSBuildTestGroup.Name)]
public sealed class AnalyzerPackageTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_package_carries_the_analyzer_with_its_dependencies_and_nothing_the_compiler_provides_above_the_floor()
    {
        var (_, nupkg) = Pack();
        var analyzers = _dir.File("analyzers");
        using (var zip = ZipFile.OpenRead(nupkg))
        {
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/", StringComparison.Ordinal)))
            {
                Directory.CreateDirectory(analyzers);
                entry.ExtractToFile(Path.Combine(analyzers, entry.Name));
            }
        }

        var shipped = Directory.GetFiles(analyzers, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var needed in new[] { "CertBuildTasks.Analyzers", "CertBuildTasks.Domain", "NJsonSchema", "Newtonsoft.Json", "Namotion.Reflection", "System.Text.Json" })
        {
            Assert.Contains(needed, shipped);
        }

        // The floor: Microsoft.CodeAnalysis 4.8.0 and the versions it was built against. The compiler
        // provides these; a copy in the package would be ignored or clash, a higher reference fails to load.
        var floor = FloorOf(Path.Combine(NuGetPackages, "microsoft.codeanalysis.common", "4.8.0", "lib", "netstandard2.0", "Microsoft.CodeAnalysis.dll"));
        Assert.Contains("System.Collections.Immutable", floor.Keys);
        Assert.Empty(shipped.Intersect(floor.Keys));
        foreach (var dll in Directory.GetFiles(analyzers, "*.dll"))
        {
            foreach (var (name, version) in ReferencesOf(dll))
            {
                if (floor.TryGetValue(name, out var highest))
                {
                    Assert.True(version <= highest, $"{Path.GetFileName(dll)} references {name} {version}, above the compiler floor's {highest}");
                }
            }
        }
    }

    [Fact]
    public void A_design_time_build_shows_the_analyzer_findings_and_an_explicit_build_shows_each_finding_once()
    {
        var (version, _) = Pack();
        var consumer = Consumer(version);
        var (restoreCode, restored) = DotNetCli.Run(consumer, "restore", "-nologo");
        Assert.True(restoreCode == 0, restored);

        // The IDE's build: the compiler loads the analyzer and reports the finding; no stage runs (no bundle).
        // (The console logger prints each compiler warning twice, so lines are compared, not counted.)
        var (designCode, design) = DotNetCli.Run(consumer, "build", "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-clp:NoSummary", "-v:d", "-p:DesignTimeBuild=true");
        Assert.True(designCode == 0, design);
        Assert.Single(Lines(design, "/analyzer:"), l => l.Contains(AnalyzerInCompiler, StringComparison.Ordinal));
        var live = Assert.Single(Lines(design, "warning CBT1116").Distinct());
        Assert.Contains(Path.Combine(consumer, "topology.json") + "(", live, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(consumer, "bin", "Debug", "net10.0", "certbundle")));

        // The compiler is told where the package's rule pages are, so the IDE's findings link to them.
        var generated = File.ReadAllText(Path.Combine(consumer, "obj", "Debug", "net10.0", "Consumer.GeneratedMSBuildEditorConfig.editorconfig"));
        var pages = System.Text.RegularExpressions.Regex.Match(generated, @"build_property\._CertRulesHelpDirectory = (?<dir>.+)").Groups["dir"].Value.Trim();
        Assert.StartsWith(_dir.File("packages"), pages, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pages, "CBT1116.md")), pages);

        // An explicit build: the task reports it at the same place and the compiler is not given the
        // analyzer (nor its dependencies), so nothing is reported twice.
        var (buildCode, build) = DotNetCli.Run(consumer, "build", "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-clp:NoSummary", "-v:d");
        Assert.True(buildCode == 0, build);
        Assert.NotEmpty(Lines(build, "/analyzer:"));
        Assert.DoesNotContain(Lines(build, "/analyzer:"), l => l.Contains("analyzers/dotnet/", StringComparison.Ordinal) && l.Contains("certbuildtasks", StringComparison.OrdinalIgnoreCase));
        // Nor the inputs as additional files: an edited topology does not recompile the project's assembly.
        Assert.DoesNotContain(Lines(build, "/additionalfile:"), l => l.Contains("topology.json", StringComparison.Ordinal));
        Assert.Contains(Lines(design, "/additionalfile:"), l => l.Contains("topology.json", StringComparison.Ordinal));
        var reported = Assert.Single(Lines(build, "warning CBT1116").Distinct());
        Assert.Equal(Position(live), Position(reported));
        Assert.True(File.Exists(Path.Combine(consumer, "bin", "Debug", "net10.0", "certbundle", "plan.json")));

        // Turned off, the design-time build does not load it.
        var (_, off) = DotNetCli.Run(consumer, "build", "--no-restore", "--no-incremental", "-nologo", "-tl:off", "-clp:NoSummary", "-v:d", "-p:DesignTimeBuild=true", "-p:CertLiveAnalysis=false");
        Assert.DoesNotContain(Lines(off, "/analyzer:"), l => l.Contains(AnalyzerInCompiler, StringComparison.Ordinal));
        Assert.Empty(Lines(off, "warning CBT1116"));

        // An .editorconfig section for the topology sets the finding's severity in the IDE too
        // (the compiler itself would not apply it to an additional file).
        File.WriteAllText(Path.Combine(consumer, ".editorconfig"), "root = true\n\n[topology.json]\ndotnet_diagnostic.CBT1116.severity = error\n");
        var (_, raised) = DotNetCli.Run(consumer, "build", "--no-restore", "-nologo", "-tl:off", "-clp:NoSummary", "-p:DesignTimeBuild=true");
        Assert.Single(Lines(raised, "error CBT1116").Distinct());
    }

    private const string AnalyzerInCompiler = "analyzers/dotnet/CertBuildTasks.Analyzers.dll";

    /// <summary>The lines that contain <paramref name="needle"/>, without the logger's indentation and "1>" node prefix.</summary>
    private static List<string> Lines(string output, string needle) =>
        output.Split('\n')
            .Where(l => l.Contains(needle, StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"^\d+>", string.Empty))
            .ToList();

    /// <summary>"…/topology.json(67,11)" of a canonical diagnostic line.</summary>
    private static string Position(string line) => line[..(line.IndexOf(')', StringComparison.Ordinal) + 1)].Trim();

    private (string Version, string Nupkg) Pack()
    {
        var version = "0.1.0-live" + Guid.NewGuid().ToString("N")[..8];
        return (version, LocalFeed.Pack(_dir.File("feed"), version));
    }

    /// <summary>A project that compiles (live analysis needs the compiler), referencing the packed package.</summary>
    private string Consumer(string version)
    {
        var consumer = _dir.File("consumer");
        LocalFeed.Configure(consumer, _dir.File("feed"), _dir.File("packages"), feedOnly: true);
        File.WriteAllText(Path.Combine(consumer, "topology.json"), SampleInputs.ToText(SampleInputs.TopologyWithWarning())); // CBT1116
        File.WriteAllText(Path.Combine(consumer, "certificate-policy.json"), SampleInputs.ToText(SampleInputs.Policy()));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CertBuildTasks" Version="{version}" />
                <CertTopology Include="topology.json" />
                <CertPolicy Include="certificate-policy.json" />
              </ItemGroup>
            </Project>
            """);
        return consumer;
    }

    private static string NuGetPackages =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    /// <summary>The assembly itself and every assembly it references, with their versions.</summary>
    private static Dictionary<string, Version> FloorOf(string compiler)
    {
        var floor = ReferencesOf(compiler).ToDictionary(r => r.Name, r => r.Version, StringComparer.Ordinal);
        using var stream = File.OpenRead(compiler);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var self = reader.GetAssemblyDefinition();
        floor[reader.GetString(self.Name)] = self.Version;
        floor.Remove("netstandard");
        return floor;
    }

    private static List<(string Name, Version Version)> ReferencesOf(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(h => reader.GetAssemblyReference(h)).Select(r => (reader.GetString(r.Name), r.Version)).ToList();
    }
}
