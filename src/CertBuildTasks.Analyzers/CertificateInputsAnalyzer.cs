using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using CertBuildTasks.Diagnostics;
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticDescriptor = Microsoft.CodeAnalysis.DiagnosticDescriptor;
using Ours = CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Analyzers;

/// <summary>
/// Reports the CBT findings of the topology, overrides and policy in the IDE while they are edited:
/// validated once per compilation, each finding reported in the callback of the file it is located in,
/// with the build's ID, message, severity and line/column. The package's targets run it in design-time
/// builds only; in an explicit build the task is the one reporter and the gate.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
public sealed class CertificateInputsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => RoslynDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (LiveInput.From(start.Options) is not { } input)
            {
                return;
            }

            var findings = new OnceFindings(input);
            var descriptors = RoslynDescriptors.ForHelpBase(HelpBase(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions));
            start.RegisterAdditionalFileAction(file =>
            {
                if (input.Find(file.AdditionalFile.Path) is null)
                {
                    return;
                }

                var isTopology = file.AdditionalFile.Path == input.Topology.Path;
                foreach (var finding in findings.Get(file.CancellationToken))
                {
                    // Findings without a file of ours (the project's) go with the topology, so each is reported once.
                    var inThisFile = finding.Location.FilePath == file.AdditionalFile.Path;
                    var elsewhere = input.Find(finding.Location.FilePath) is null;
                    if (inThisFile || (isTopology && elsewhere))
                    {
                        file.ReportDiagnostic(ToRoslyn(descriptors[finding.Id], finding, inThisFile ? file.AdditionalFile.GetText(file.CancellationToken) : null));
                    }
                }
            });
        });
    }

    /// <summary>Where the build's findings link to: the properties the targets make visible to the compiler.</summary>
    private static Uri? HelpBase(AnalyzerConfigOptions global) => RuleHelpLocation.Resolve(
        global.TryGetValue("build_property.CertRulesHelpBaseUri", out var published) ? published : null,
        global.TryGetValue("build_property._CertRulesHelpDirectory", out var local) ? local : null);

    private static Diagnostic ToRoslyn(DiagnosticDescriptor descriptor, Ours.Diagnostic finding, SourceText? text)
    {
        return Diagnostic.Create(descriptor, LocationOf(finding.Location, text), RoslynDescriptors.ToRoslyn(finding.Severity), additionalLocations: null, properties: null, finding.Message);
    }

    /// <summary>The build's 1-based line and column as a Roslyn location over the file's text (a whole-file finding: its start).</summary>
    private static Location LocationOf(Ours.SourceLocation location, SourceText? text)
    {
        if (text is null)
        {
            return Location.None;
        }

        var lineIndex = Math.Min(Math.Max(location.Line, 1), text.Lines.Count) - 1;
        var line = text.Lines[lineIndex];
        var column = Math.Min(Math.Max(location.Column, 1) - 1, line.End - line.Start);
        var position = new LinePosition(lineIndex, column);
        return Location.Create(location.FilePath, new TextSpan(line.Start + column, 0), new LinePositionSpan(position, position));
    }

    /// <summary>
    /// The findings, computed by the first file callback that asks and shared by the others. A cancelled
    /// computation is not kept, so the next callback computes again.
    /// </summary>
    private sealed class OnceFindings(LiveInput input)
    {
        private readonly object _lock = new();
        private IReadOnlyList<Ours.Diagnostic>? _findings;

        public IReadOnlyList<Ours.Diagnostic> Get(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                return _findings ??= LiveFindings.Compute(input, cancellationToken);
            }
        }
    }
}
