using System.Collections.Immutable;
using CertBuildTasks.Rules;
using Microsoft.CodeAnalysis;
using Ours = CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Analyzers;

/// <summary>
/// The Roslyn descriptor of each rule the analyzer can report: the same ID, title, category and
/// default severity as the task's; the message is the product's own formatted text.
/// </summary>
internal static class RoslynDescriptors
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = ValidationRules.Descriptors.ToDictionary(d => d.Id, Create, StringComparer.Ordinal);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ById.Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public static DiagnosticDescriptor For(Ours.DiagnosticDescriptor descriptor) => ById[descriptor.Id];

    public static DiagnosticSeverity ToRoslyn(Ours.DiagnosticSeverity severity) => severity switch
    {
        Ours.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        Ours.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        Ours.DiagnosticSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static DiagnosticDescriptor Create(Ours.DiagnosticDescriptor descriptor) => new(
        descriptor.Id,
        descriptor.Title,
        "{0}",
        descriptor.Category,
        ToRoslyn(descriptor.DefaultSeverity),
        isEnabledByDefault: true,
        // A finding that means an input could not be read is not configurable, as in the build.
        customTags: descriptor.IsConfigurable ? [] : [WellKnownDiagnosticTags.NotConfigurable]);
}
