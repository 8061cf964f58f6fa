using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>
/// Parses XML input safely: DTD processing is prohibited and no resolver is set, so a document can
/// neither expand entities (billion laughs) nor reach files or URLs (XXE). Line information is kept
/// so diagnostics point into the XML.
/// </summary>
public static partial class XmlDocumentLoader
{
    public static XDocument? Parse(string text, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = InputFileReader.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };

        try
        {
            using var stringReader = new StringReader(text);
            using var reader = XmlReader.Create(stringReader, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            var location = new SourceLocation(path, Math.Max(ex.LineNumber, 1), Math.Max(ex.LinePosition, 1));
            if (PrologDocumentType().Match(text) is { Success: true } doctype)
            {
                // The reader refused the DOCTYPE of the prolog (DOCTYPE text in a comment further down is
                // not the reason); say why in the product's words, at the declaration.
                var declaration = doctype.Groups["doctype"].Index;
                diagnostics.Add(InputDiagnostics.DtdProhibited, LocationOf(text, declaration, path), kind.DisplayName());
            }
            else
            {
                diagnostics.Add(InputDiagnostics.XmlSyntax, location, kind.DisplayName(), ex.Message);
            }
        }

        return null;
    }

    private static SourceLocation LocationOf(string text, int index, string path)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(path, line, index - lineStart + 1);
    }

    /// <summary>
    /// A DOCTYPE where the XML grammar allows one: after the declaration, comments and processing
    /// instructions of the prolog. Non-backtracking, so a hostile 16 MiB prolog costs linear time.
    /// </summary>
    [GeneratedRegex(@"\A\uFEFF?(?:\s|<\?.*?\?>|<!--.*?-->)*(?<doctype><!DOCTYPE)", RegexOptions.CultureInvariant | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex PrologDocumentType();
}
