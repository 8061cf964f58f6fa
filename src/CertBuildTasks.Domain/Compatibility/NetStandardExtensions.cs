using System.Text;

namespace CertBuildTasks.Compatibility;

/// <summary>
/// The few .NET Core APIs the domain uses that netstandard2.0 lacks, with the same meaning. Imported
/// only inside this assembly (a global using in its project file): the net8.0 assemblies keep the
/// framework's own, and nothing here is visible to them.
/// </summary>
internal static class NetStandardExtensions
{
    public static bool Contains(this string text, string value, StringComparison comparison) =>
        text.IndexOf(value, comparison) >= 0;

    public static bool Contains(this string text, char value, StringComparison comparison) =>
        comparison == StringComparison.Ordinal ? text.IndexOf(value) >= 0 : text.IndexOf(value.ToString(), comparison) >= 0;

    public static int IndexOf(this string text, char value, StringComparison comparison) =>
        comparison == StringComparison.Ordinal ? text.IndexOf(value) : text.IndexOf(value.ToString(), comparison);

    public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison)
    {
        if (comparison == StringComparison.Ordinal)
        {
            return text.Replace(oldValue, newValue);
        }

        var result = new StringBuilder(text.Length);
        var start = 0;
        for (var at = text.IndexOf(oldValue, comparison); at >= 0; at = text.IndexOf(oldValue, start, comparison))
        {
            result.Append(text, start, at - start).Append(newValue);
            start = at + oldValue.Length;
        }

        return result.Append(text, start, text.Length - start).ToString();
    }

    public static TValue? GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key) =>
        dictionary.TryGetValue(key, out var value) ? value : default;

    public static bool TryAdd<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key, TValue value)
        where TKey : notnull
    {
        if (dictionary.ContainsKey(key))
        {
            return false;
        }

        dictionary.Add(key, value);
        return true;
    }

    public static HashSet<T> ToHashSet<T>(this IEnumerable<T> source, IEqualityComparer<T>? comparer = null) => new(source, comparer);

    public static IEnumerable<T> DistinctBy<T, TKey>(this IEnumerable<T> source, Func<T, TKey> key, IEqualityComparer<TKey>? comparer = null)
    {
        var seen = new HashSet<TKey>(comparer);
        foreach (var item in source)
        {
            if (seen.Add(key(item)))
            {
                yield return item;
            }
        }
    }

    /// <summary>The first element with the largest key; null (default) for an empty sequence, as in .NET.</summary>
    public static T? MaxBy<T, TKey>(this IEnumerable<T> source, Func<T, TKey> key)
    {
        var comparer = Comparer<TKey>.Default;
        using var items = source.GetEnumerator();
        if (!items.MoveNext())
        {
            return default;
        }

        var best = items.Current;
        var bestKey = key(best);
        while (items.MoveNext())
        {
            var candidateKey = key(items.Current);
            if (comparer.Compare(candidateKey, bestKey) > 0)
            {
                best = items.Current;
                bestKey = candidateKey;
            }
        }

        return best;
    }

    public static StringBuilder Append(this StringBuilder builder, IFormatProvider provider, FormattableString text) =>
        builder.Append(text.ToString(provider));
}

/// <summary>The ASCII character classes of .NET 7's <c>char.IsAscii…</c>.</summary>
internal static class Ascii
{
    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    public static bool IsLetterOrDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z';
}
