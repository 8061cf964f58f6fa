using FsCheck;
using FsCheck.Fluent;

namespace CertBuildTasks.Tests.Hardening;

/// <summary>
/// FsCheck's strings, weighted toward what breaks escaping: quotes of every kind, $ ` % ; and the other
/// INF, PowerShell and HTML metacharacters, path separators and reserved names, control characters,
/// line and paragraph separators, bidirectional overrides, zero-width characters, non-ASCII letters,
/// surrogate pairs, unpaired surrogates and noncharacters.
/// </summary>
public static class HostileText
{
    private static readonly char[] Metacharacters = [.. "'\"`$%;,=\\/:*?<>|&#{}()[]@!~+-. _"];
    private static readonly char[] Controls = ['\0', '\t', '\n', '\r', '\a', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u000b', '\u000c'];
    private static readonly char[] Quotes = ['\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB', '\uFF07'];
    private static readonly char[] Invisible = ['\u202E', '\u202D', '\u200B', '\u200E', '\u200F', '\uFEFF', '\u2066', '\u00A0'];
    private static readonly char[] Odd = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF', '\uFFFD'];
    private static readonly string[] Whole = ["", ".", "..", "CON", "con.contoso.com", "NUL.txt", "a.", "a ", " ", "COM1", "LPT9.inf", "$(calc)", "'; calc; '", "%PATH%", "]]>", "<script>"];

    private static Gen<string> Chunk() => Gen.Frequency(
        (30, Gen.Choose(0x20, 0x7E).Select(i => ((char)i).ToString())),
        (25, Gen.Elements(Metacharacters).Select(c => c.ToString())),
        (12, Gen.Elements(Controls).Select(c => c.ToString())),
        (8, Gen.Elements(Quotes).Select(c => c.ToString())),
        (6, Gen.Elements(Invisible).Select(c => c.ToString())),
        (8, Gen.Elements("é", "ß", "中", "Ω", "ｆ", "с", "😀", "𝔄")),
        (4, Gen.Elements(Odd).Select(c => c.ToString())),
        (3, ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString())),
        (2, Gen.Elements(Whole)));

    public static Gen<string> Strings() => Gen.Sized(size => Gen.Choose(0, Math.Max(1, size)).SelectMany(n => Chunk().ListOf(n).Select(parts => string.Concat(parts))));

    /// <summary>For FsCheck.Xunit: [Property(Arbitrary = [typeof(HostileText)])] gives every string parameter these values (FsCheck finds the method by its return type).</summary>
    public static Arbitrary<string> Text() => Arb.From(Strings(), ArbMap.Default.ArbFor<string>().Shrinker);
}
