using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Input;

/// <summary>Parses JSON text into a token tree that keeps line/column information for every value.</summary>
public static class JsonDocumentLoader
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    public static JToken? Parse(string text, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        // Newtonsoft is lenient (missing values, single quotes, trailing commas); the strict RFC 8259
        // reader decides what is JSON, Newtonsoft then gives the tree with line info for the schema.
        if (StrictSyntaxError(text) is { } error)
        {
            diagnostics.Add(InputDiagnostics.JsonSyntax, new SourceLocation(path, error.Line, error.Column), kind.DisplayName(), error.Message);
            return null;
        }

        try
        {
            using var reader = new JsonTextReader(new StringReader(text))
            {
                DateParseHandling = DateParseHandling.None,
                FloatParseHandling = FloatParseHandling.Decimal,
                MaxDepth = 64,
            };
            var token = JToken.ReadFrom(reader, LoadSettings);

            // JToken.ReadFrom stops after one value; anything but whitespace or comments after it is an error.
            while (reader.Read())
            {
                if (reader.TokenType != JsonToken.Comment)
                {
                    diagnostics.Add(InputDiagnostics.JsonSyntax, new SourceLocation(path, reader.LineNumber, reader.LinePosition), kind.DisplayName(), "additional text after the end of the JSON value");
                    return null;
                }
            }

            return token;
        }
        catch (JsonReaderException ex)
        {
            var line = Math.Max(ex.LineNumber, 1);
            var column = Math.Max(ex.LinePosition, 1);
            diagnostics.Add(InputDiagnostics.JsonSyntax, new SourceLocation(path, line, column), kind.DisplayName(), CleanMessage(ex.Message));
            return null;
        }
    }

    private static (int Line, int Column, string Message)? StrictSyntaxError(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var reader = new System.Text.Json.Utf8JsonReader(bytes, new System.Text.Json.JsonReaderOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
            MaxDepth = 64,
        });
        try
        {
            while (reader.Read())
            {
            }

            return null;
        }
        catch (System.Text.Json.JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0);
            var lineText = text.Split('\n').ElementAtOrDefault(line) ?? string.Empty;
            var lineBytes = System.Text.Encoding.UTF8.GetBytes(lineText);
            var byteColumn = (int)Math.Min(ex.BytePositionInLine ?? 0, lineBytes.Length);
            var column = System.Text.Encoding.UTF8.GetCharCount(lineBytes, 0, byteColumn) + 1;
            return (line + 1, column, CleanStrictMessage(ex.Message));
        }
    }

    /// <summary>System.Text.Json appends "LineNumber: 2 | BytePositionInLine: 12."; the location is in the diagnostic.</summary>
    private static string CleanStrictMessage(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        var advice = message.IndexOf(" Change the reader options", StringComparison.Ordinal);
        message = advice > 0 ? message[..advice] : message;
        return message.Replace(" which is not supported in this mode", string.Empty, StringComparison.Ordinal).TrimEnd(' ', '.');
    }

    /// <summary>Newtonsoft appends "Path 'x', line 3, position 5."; the location is already in the diagnostic.</summary>
    private static string CleanMessage(string message) => TrailingPosition.Replace(message, string.Empty).TrimEnd(' ', '.', ',');

    // Interpreted, not compiled: it runs only on a syntax error, and compiling it would cost every build.
    private static readonly Regex TrailingPosition = new(@"\s*(Path '.*?',\s*)?line \d+, position \d+\.?\s*$", RegexOptions.CultureInvariant);
}
