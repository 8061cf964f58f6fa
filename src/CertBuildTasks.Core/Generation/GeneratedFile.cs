using System.Text;

namespace CertBuildTasks.Generation;

/// <summary>One file of the bundle: a path relative to the bundle folder ('/'-separated) and its bytes.</summary>
public sealed record GeneratedFile(string RelativePath, byte[] Content)
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Windows PowerShell 5.1 reads a BOM-less script as ANSI; scripts carry a UTF-8 BOM and CRLF.</summary>
    public static GeneratedFile PowerShell(string path, string text) =>
        new(path, [.. Utf8WithBom.GetPreamble(), .. Encoding.UTF8.GetBytes(ToCrLf(text))]);

    /// <summary>INF files are ASCII (checked before) with CRLF, as certreq expects on Windows.</summary>
    public static GeneratedFile Inf(string path, string text) => new(path, Encoding.ASCII.GetBytes(ToCrLf(text)));

    public static GeneratedFile Text(string path, string text) => new(path, Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal)));

    private static string ToCrLf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal);
}
