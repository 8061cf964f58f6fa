using System.Collections.Concurrent;
using System.Text;
using CertBuildTasks.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace CertBuildTasks.Input;

/// <summary>
/// Validates an input against the JSON Schema shipped in schemas/ (embedded in this assembly) with
/// NJsonSchema. Schemas are parsed once per process: an MSBuild node builds many projects.
/// </summary>
public static class SchemaValidator
{
    private static readonly ConcurrentDictionary<InputKind, Lazy<JsonSchema>> Schemas = new();

    public static JsonSchema GetSchema(InputKind kind) =>
        Schemas.GetOrAdd(kind, k => new Lazy<JsonSchema>(() => LoadSchema(k))).Value;

    /// <summary>The raw schema text, as shipped in schemas/.</summary>
    public static string GetSchemaText(InputKind kind)
    {
        var name = "CertBuildTasks.Schemas." + kind.SchemaFileName();
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("Embedded schema missing: " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Reports every schema violation; returns true when there was none.</summary>
    public static bool Validate(JToken token, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        if (!NumbersInRange(token, path, kind, diagnostics))
        {
            return false;
        }

        var errors = new List<ValidationError>();
        Flatten(GetSchema(kind).Validate(token), errors);
        foreach (var error in errors.OrderBy(e => e.LineNumber).ThenBy(e => e.LinePosition))
        {
            var location = error.HasLineInfo
                ? new SourceLocation(path, Math.Max(error.LineNumber, 1), Math.Max(error.LinePosition, 1))
                : new SourceLocation(path, 1, 1);
            diagnostics.Add(InputDiagnostics.SchemaViolation, location, Describe(error), kind.DisplayName(), DisplayPath(error.Path));
        }

        return errors.Count == 0;
    }

    /// <summary>
    /// Newtonsoft reads an integer beyond 64 bits as a BigInteger, which NJsonSchema cannot compare
    /// (InvalidCastException); no field of any schema takes such a number, so it is refused here, where it is.
    /// </summary>
    private static bool NumbersInRange(JToken token, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        var inRange = true;
        foreach (var value in (token is JContainer container ? container.DescendantsAndSelf() : [token]).OfType<JValue>())
        {
            if (value.Type == JTokenType.Integer && value.Value is System.Numerics.BigInteger)
            {
                var info = (IJsonLineInfo)value;
                var location = info.HasLineInfo() ? new SourceLocation(path, Math.Max(info.LineNumber, 1), Math.Max(info.LinePosition, 1)) : new SourceLocation(path, 1, 1);
                diagnostics.Add(InputDiagnostics.SchemaViolation, location, "The number is beyond a 64-bit integer; no field takes a number that large", kind.DisplayName(), DisplayPath(value.Path));
                inRange = false;
            }
        }

        return inRange;
    }

    private static JsonSchema LoadSchema(InputKind kind) =>
        JsonSchema.FromJsonAsync(GetSchemaText(kind)).GetAwaiter().GetResult();

    /// <summary>oneOf/anyOf failures nest the real reasons; users need those, not "no schema matched".</summary>
    private static void Flatten(IEnumerable<ValidationError> source, List<ValidationError> target)
    {
        foreach (var error in source)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                // Report the branch with the fewest problems: it is the one the author most likely meant.
                var best = child.Errors.Values.OrderBy(e => e.Count).First();
                if (best.Count > 0)
                {
                    Flatten(best, target);
                    continue;
                }
            }

            target.Add(error);
        }
    }

    private static string DisplayPath(string? path) =>
        path is null || path.Length == 0 || path == "#" ? "(root)" : path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path;

    private static string Describe(ValidationError error)
    {
        var property = error.Property;
        return error.Kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"Unknown property '{property}'",
            ValidationErrorKind.PropertyRequired => $"Missing required property '{property}'",
            ValidationErrorKind.StringExpected => $"'{property}' must be a string",
            ValidationErrorKind.IntegerExpected => $"'{property}' must be a whole number",
            ValidationErrorKind.NumberExpected => $"'{property}' must be a number",
            ValidationErrorKind.BooleanExpected => $"'{property}' must be true or false",
            ValidationErrorKind.ArrayExpected => $"'{property}' must be an array",
            ValidationErrorKind.ObjectExpected => $"'{property}' must be an object",
            ValidationErrorKind.NullExpected => $"'{property}' must be null",
            ValidationErrorKind.NotInEnumeration => $"'{property}' must be one of: {string.Join(", ", error.Schema?.Enumeration.Select(e => e?.ToString()) ?? [])}",
            ValidationErrorKind.PatternMismatch => $"'{property}' does not have the expected form ({(error.Schema?.Description is { Length: > 0 } description ? description : error.Schema?.Pattern)})",
            ValidationErrorKind.StringTooShort => $"'{property}' is too short",
            ValidationErrorKind.StringTooLong => $"'{property}' is too long (at most {error.Schema?.MaxLength} characters)",
            ValidationErrorKind.NumberTooSmall => $"'{property}' is below the minimum {error.Schema?.Minimum}",
            ValidationErrorKind.NumberTooBig => $"'{property}' is above the maximum {error.Schema?.Maximum}",
            ValidationErrorKind.TooFewItems => $"'{property}' needs at least {error.Schema?.MinItems} item(s)",
            ValidationErrorKind.TooManyItems => $"'{property}' allows at most {error.Schema?.MaxItems} item(s)",
            ValidationErrorKind.ItemsNotUnique => $"'{property}' has duplicate items",
            _ => $"{SplitWords(error.Kind.ToString())} at '{property}'",
        };
    }

    private static string SplitWords(string pascal)
    {
        var sb = new StringBuilder();
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(sb.Length == 0 ? c : char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
