using System.Text.RegularExpressions;
using CertBuildTasks.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Input;

/// <summary>Parses JSON text into a token tree that keeps line/column information for every value.</summary>
public static partial class JsonDocumentLoader
{
    private static readonly JsonLoadSettings LoadSettings = new()
    {
        LineInfoHandling = LineInfoHandling.Load,
        CommentHandling = CommentHandling.Ignore,
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error,
    };

    public static JToken? Parse(string text, string path, InputKind kind, DiagnosticBag diagnostics)
    {
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

    /// <summary>Newtonsoft appends "Path 'x', line 3, position 5."; the location is already in the diagnostic.</summary>
    private static string CleanMessage(string message) => TrailingPosition().Replace(message, string.Empty).TrimEnd(' ', '.', ',');

    [GeneratedRegex(@"\s*(Path '.*?',\s*)?line \d+, position \d+\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingPosition();
}
