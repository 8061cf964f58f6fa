using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>
/// What can go wrong before any rule can look at an input: the file cannot be found, read, parsed or
/// does not follow its schema. These are not configurable: nothing after them could be trusted.
/// </summary>
public static class InputDiagnostics
{
    public static readonly DiagnosticDescriptor FileNotFound = new(
        "CBT1001", "Input file not found", "The {0} file '{1}' does not exist",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor FileEmpty = new(
        "CBT1002", "Input file is empty", "The {0} file is empty, or not a regular file (a pipe or a device is never read); it must hold the document",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor JsonSyntax = new(
        "CBT1003", "JSON syntax error", "The {0} file is not valid JSON: {1}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor SchemaViolation = new(
        "CBT1004", "Input does not follow its schema", "{0} ({1} schema, at '{2}')",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "CBT1005", "Input file too large", "The {0} file is {1:N0} bytes; the limit is {2:N0} bytes (no real topology or policy comes near it)",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "CBT1006", "Input file cannot be read", "The {0} file cannot be read: {1}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor ItemCount = new(
        "CBT1007", "Wrong number of input items", "{0}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor UnsupportedFormat = new(
        "CBT1008", "Unsupported input format", "The {0} file '{1}' has an unsupported format: {2}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor XmlSyntax = new(
        "CBT1009", "XML syntax error", "The {0} file is not well-formed XML: {1}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor DtdProhibited = new(
        "CBT1010", "XML document type declarations are not allowed",
        "The {0} file contains a <!DOCTYPE> declaration; document type definitions and entities are refused (they enable entity-expansion and external-entity attacks), and Topology Builder never writes one",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor XmlStructure = new(
        "CBT1011", "Topology XML cannot be understood", "{0}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor XmlFactMissing = new(
        "CBT1012", "Fact missing from topology XML", "The topology XML does not carry {0}; {1}",
        DiagnosticCategory.Input, DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor OverrideUnmatched = new(
        "CBT1013", "Topology override names nothing in the topology", "The overrides file names {0} '{1}', which the topology does not contain",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor ConversionRefused = new(
        "CBT1014", "Topology conversion refused", "The topology cannot be converted to '{0}': {1}",
        DiagnosticCategory.Input, DiagnosticSeverity.Error, IsConfigurable: false);

    public static readonly DiagnosticDescriptor XmppInferred = new(
        "CBT1015", "XMPP federation inferred from the topology XML",
        "XMPP federation is taken as enabled because the Edge pool '{0}' has an XMPP federation proxy port; its external certificate therefore names xmpp.<domain> and *.<domain> for every SIP domain (set \"xmpp\" in a CertTopologyOverrides file to say otherwise)",
        DiagnosticCategory.Input, DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor SeverityConfigConflict = new(
        "CBT1016", "Severity configuration ignored",
        "A severity configuration entry is ignored, as the compiler ignores it: {0}",
        DiagnosticCategory.Input, DiagnosticSeverity.Warning);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [FileNotFound, FileEmpty, JsonSyntax, SchemaViolation, FileTooLarge, FileUnreadable, ItemCount, UnsupportedFormat,
         XmlSyntax, DtdProhibited, XmlStructure, XmlFactMissing, OverrideUnmatched, ConversionRefused, XmppInferred, SeverityConfigConflict];
}
