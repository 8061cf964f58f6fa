using System.Xml;
using System.Xml.Linq;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>
/// Parses XML input safely: DTD processing is prohibited and no resolver is set, so a document can
/// neither expand entities (billion laughs) nor reach files or URLs (XXE). Line information is kept
/// so diagnostics point into the XML.
/// </summary>
public static class XmlDocumentLoader
{
    public static XDocument? Parse(string text, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = InputLimits.MaxFileBytes,
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
            if (PrologDocumentType(text) is var declaration and >= 0)
            {
                // The reader refused the DOCTYPE of the prolog (DOCTYPE text in a comment further down is
                // not the reason); say why in the product's words, at the declaration.
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
    /// Where a DOCTYPE starts when it is where the XML grammar allows one: after the declaration,
    /// comments and processing instructions of the prolog; -1 otherwise. One forward scan (each comment
    /// or instruction ends at its first terminator, as in XML), so a hostile 16 MiB prolog costs linear time.
    /// </summary>
    internal static int PrologDocumentType(string text)
    {
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            else if (string.CompareOrdinal(text, i, "<!DOCTYPE", 0, 9) == 0)
            {
                return i;
            }
            else if (SkipPast(text, i, "<?", "?>") is var afterInstruction and >= 0)
            {
                i = afterInstruction;
            }
            else if (SkipPast(text, i, "<!--", "-->") is var afterComment and >= 0)
            {
                i = afterComment;
            }
            else
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The index after <paramref name="close"/> when an <paramref name="open"/> construct starts at <paramref name="at"/>; -1 when none starts there or it never closes.</summary>
    private static int SkipPast(string text, int at, string open, string close)
    {
        if (string.CompareOrdinal(text, at, open, 0, open.Length) != 0)
        {
            return -1;
        }

        var end = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
        return end < 0 ? -1 : end + close.Length;
    }
}
