using CertBuildTasks.Validation;
using System.Text;
using CertBuildTasks.Diagnostics;
using CertBuildTasks.Generation;
using CertBuildTasks.Planning;
using Newtonsoft.Json.Linq;
using CertBuildTasks.Pipeline;

namespace CertBuildTasks.Tests.Infrastructure;

/// <summary>Validates, plans and generates the sample (or a variant) in memory with the real stages.</summary>
public static class Generate
{
    public const string Version = "0.0.0-test";

    public static Outcome Run(JObject policy, JObject? topology = null)
    {
        var validation = Validate.Run(topology ?? SampleInputs.Topology(), policy);
        Assert.DoesNotContain(validation.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CBT1", StringComparison.Ordinal));
        var (plan, _) = PlanStage.Run(validation.Result.Topology!, validation.Result.Policy!, Plan.RequestTime);
        var (files, diagnostics) = GenerationStage.Run(plan, Version);
        return new Outcome(plan, files, diagnostics, validation.PolicyText);
    }

    public sealed record Outcome(CertificatePlan Plan, IReadOnlyList<GeneratedFile> Files, IReadOnlyList<Diagnostic> Diagnostics, string PolicyText)
    {
        public IReadOnlyList<Diagnostic> Of(string id) => [.. Diagnostics.Where(d => d.Id == id)];

        public GeneratedFile File(string relativePath) => Files.Single(f => f.RelativePath == relativePath);

        /// <summary>The file as text, without a byte order mark.</summary>
        public string Text(string relativePath)
        {
            var bytes = File(relativePath).Content;
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset);
        }

        /// <summary>Writes the files below a folder, as the bundle would hold them.</summary>
        public string WriteTo(string directory)
        {
            foreach (var file in Files)
            {
                var path = Path.Combine(directory, file.RelativePath);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                System.IO.File.WriteAllBytes(path, file.Content);
            }

            return directory;
        }
    }
}
