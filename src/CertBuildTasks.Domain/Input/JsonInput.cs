using CertBuildTasks.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CertBuildTasks.Input;

/// <summary>The shared front half of every JSON input: take its text, parse it, validate it against its schema.</summary>
public static class JsonInput
{
    /// <summary>The schema-valid token tree, or null after reporting why there is none.</summary>
    public static JToken? LoadValid(InputTextSource source, string path, InputKind kind, DiagnosticBag diagnostics)
    {
        var text = source(path, kind, diagnostics);
        if (text is null)
        {
            return null;
        }

        var token = JsonDocumentLoader.Parse(text, path, kind, diagnostics);
        if (token is null)
        {
            return null;
        }

        return SchemaValidator.Validate(token, path, kind, diagnostics) ? token : null;
    }
}
