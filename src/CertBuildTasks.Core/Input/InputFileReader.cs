using System.Text;
using CertBuildTasks.Diagnostics;

namespace CertBuildTasks.Input;

/// <summary>
/// Reads an input file as text with a size limit and strict decoding (UTF-8, or UTF-16/32 with a BOM),
/// turning every way it can fail into one diagnostic instead of an exception.
/// </summary>
public static class InputFileReader
{
    /// <summary>16 MiB (<see cref="InputLimits"/>): a 10,000-server topology is about 2 MiB.</summary>
    public const long MaxFileBytes = InputLimits.MaxFileBytes;

    /// <summary>The build's <see cref="InputTextSource"/>: the readers take their text from disk through this.</summary>
    public static readonly InputTextSource Files = ReadText;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string? ReadText(string path, InputKind kind, DiagnosticBag diagnostics)
    {
        var name = kind.DisplayName();
        try
        {
            var info = IO.InputFile.Resolve(path);
            if (!info.Exists && !Directory.Exists(path))
            {
                diagnostics.Add(InputDiagnostics.FileNotFound, SourceLocation.File(path), name, path);
                return null;
            }

            if (!Directory.Exists(path) && info.Length > MaxFileBytes)
            {
                diagnostics.Add(InputDiagnostics.FileTooLarge, new SourceLocation(path, 1, 1), name, info.Length, MaxFileBytes);
                return null;
            }

            if (!Directory.Exists(path) && info.Length == 0)
            {
                diagnostics.Add(InputDiagnostics.FileEmpty, new SourceLocation(path, 1, 1), name);
                return null;
            }

            if (IO.InputFile.ReadBytes(path, MaxFileBytes, out var problem) is not { } bytes)
            {
                diagnostics.Add(InputDiagnostics.FileUnreadable, SourceLocation.File(path), name, problem);
                return null;
            }

            return InputTextChecks.Accept(path, kind, Decode(bytes), diagnostics);
        }
        catch (DecoderFallbackException ex)
        {
            diagnostics.Add(InputDiagnostics.FileUnreadable, new SourceLocation(path, 1, 1), name, "it is not UTF-8 text (" + ex.Message + ")");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(InputDiagnostics.FileUnreadable, SourceLocation.File(path), name, ex.Message);
        }

        return null;
    }

    private static string Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return StrictUtf8.GetString(span[3..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: true).GetString(span[4..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: true, throwOnInvalidBytes: true).GetString(span[2..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: true, throwOnInvalidBytes: true).GetString(span[2..]);
        }

        return StrictUtf8.GetString(span);
    }
}
