using CertBuildTasks.Diagnostics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Input;

/// <summary>
/// Reads typed values out of a schema-validated token tree, keeping where each was written.
/// Newtonsoft records the position at the end of a token; these helpers move it back to the start
/// so a diagnostic's column points at the property name or the value's opening quote.
/// </summary>
internal sealed class JsonLocations(string path)
{
    public string Path { get; } = path;

    public SourceLocation Of(JToken token)
    {
        if (token is not IJsonLineInfo info || !info.HasLineInfo())
        {
            return new SourceLocation(Path, 1, 1);
        }

        var column = info.LinePosition;
        switch (token)
        {
            case JProperty property:
                // Position is just after the colon that follows the name.
                column -= property.Name.Length + 2;
                break;
            case JValue { Type: JTokenType.String } value:
                column -= ((string?)value.Value)?.Length + 1 ?? 0;
                break;
            case JValue value:
                column -= Convert.ToString(value.Value, System.Globalization.CultureInfo.InvariantCulture)?.Length - 1 ?? 0;
                break;
        }

        return new SourceLocation(Path, info.LineNumber, Math.Max(column, 1));
    }

    /// <summary>The location of a property (its name), for "this setting" diagnostics.</summary>
    public SourceLocation OfProperty(JObject owner, string name) =>
        owner.Property(name, StringComparison.Ordinal) is { } property ? Of(property) : Of(owner);

    public Located<string>? String(JObject owner, string name) =>
        owner.Property(name, StringComparison.Ordinal) is { Value: JValue { Type: JTokenType.String } value } property
            ? new Located<string>((string)value.Value!, Of(property))
            : null;

    public Located<bool>? Bool(JObject owner, string name) =>
        owner.Property(name, StringComparison.Ordinal) is { Value: JValue { Type: JTokenType.Boolean } value } property
            ? new Located<bool>((bool)value.Value!, Of(property))
            : null;

    public Located<int>? Int(JObject owner, string name) =>
        owner.Property(name, StringComparison.Ordinal) is { Value: JValue { Type: JTokenType.Integer } value } property
            ? new Located<int>(Convert.ToInt32(value.Value, System.Globalization.CultureInfo.InvariantCulture), Of(property))
            : null;

    public static JObject? Object(JObject owner, string name) => owner[name] as JObject;

    public static IEnumerable<JObject> Objects(JObject owner, string name) =>
        owner[name] is JArray array ? array.OfType<JObject>() : [];

    public IEnumerable<Located<string>> Strings(JObject owner, string name) =>
        owner[name] is JArray array
            ? array.OfType<JValue>().Where(v => v.Type == JTokenType.String).Select(v => new Located<string>((string)v.Value!, Of(v)))
            : [];
}
