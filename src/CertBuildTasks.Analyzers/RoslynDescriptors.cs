using System.Collections.Concurrent;
using System.Collections.Immutable;
using CertBuildTasks.Rules;
using Microsoft.CodeAnalysis;
using Ours = CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Analyzers;

/// <summary>
/// The Roslyn descriptor of each rule the analyzer can report: the same ID, title, category and
/// default severity as the task's; the message is the product's own formatted text. The help link is
/// the one the build's findings carry, so it is known only per project (the package's pages, or
/// CertRulesHelpBaseUri): a descriptor set per help base, kept (the compiler matches reported
/// findings to the supported ones by ID).
/// </summary>
internal static class RoslynDescriptors
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, DiagnosticDescriptor>> ByHelpBase = new(StringComparer.Ordinal);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ForHelpBase(null).Values.OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    /// <summary>The descriptors whose help links are below <paramref name="helpBase"/> (none without one).</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> ForHelpBase(Uri? helpBase) =>
        ByHelpBase.GetOrAdd(helpBase?.AbsoluteUri ?? string.Empty, _ => ValidationRules.Descriptors.ToDictionary(d => d.Id, d => Create(d, helpBase), StringComparer.Ordinal));

    public static DiagnosticSeverity ToRoslyn(Ours.DiagnosticSeverity severity) => severity switch
    {
        Ours.DiagnosticSeverity.Error => DiagnosticSeverity.Error,
        Ours.DiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
        Ours.DiagnosticSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static DiagnosticDescriptor Create(Ours.DiagnosticDescriptor descriptor, Uri? helpBase) => new(
        descriptor.Id,
        descriptor.Title,
        "{0}",
        descriptor.Category,
        ToRoslyn(descriptor.DefaultSeverity),
        isEnabledByDefault: true,
        description: null,
        helpLinkUri: helpBase is null ? null : descriptor.HelpUri(helpBase),
        // A finding that means an input could not be read is not configurable, as in the build.
        customTags: descriptor.IsConfigurable ? [] : [WellKnownDiagnosticTags.NotConfigurable]);
}
