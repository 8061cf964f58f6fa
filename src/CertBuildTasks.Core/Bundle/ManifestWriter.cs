using System.Security.Cryptography;
using System.Text.Json;
using CertBuildTasks.Generation;

namespace CertBuildTasks.Bundle;

/// <summary>
/// manifest.json: every other file of the bundle with its SHA-256 and size, the tool version, and the
/// SHA-256 of every input (paths relative to the project), so a bundle can be verified and traced.
/// </summary>
public static class ManifestWriter
{
    public const string FileName = "manifest.json";

    /// <param name="sha256">The SHA-256 of a file, when the caller already has it (null: computed here).</param>
    public static GeneratedFile Write(IReadOnlyList<GeneratedFile> files, IReadOnlyList<(string RelativePath, byte[] Sha256)> inputs, string toolVersion, Func<GeneratedFile, byte[]>? sha256 = null)
    {
        sha256 ??= f => SHA256.HashData(f.Content);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", 1);
            w.WriteString("generator", "CertBuildTasks " + toolVersion);
            w.WriteStartArray("inputs");
            foreach (var (path, sha) in inputs.OrderBy(i => i.RelativePath, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("path", path);
                w.WriteString("sha256", Convert.ToHexString(sha).ToLowerInvariant());
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("files");
            foreach (var file in files.OrderBy(f => f.RelativePath, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("path", file.RelativePath);
                w.WriteString("sha256", Convert.ToHexString(sha256(file)).ToLowerInvariant());
                w.WriteNumber("size", file.Content.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return GeneratedFile.Text(FileName, System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}
