namespace Crossgate.Cli.Parsing;

/// <summary>"Did you mean …" for a mistyped command or option: the known names within a small edit distance of what
/// was typed (letters swapped, one missing or extra), or that it starts.</summary>
internal static class Suggestions
{
    public static string DidYouMean(string typed, IEnumerable<string> known)
    {
        var close = Closest(typed, known);
        return close.Count switch
        {
            0 => string.Empty,
            1 => $" Did you mean '{close[0]}'?",
            _ => $" Did you mean one of: {string.Join(", ", close.Select(c => $"'{c}'"))}?",
        };
    }

    public static IReadOnlyList<string> Closest(string typed, IEnumerable<string> known)
    {
        var bare = typed.TrimStart('-');
        var allowed = Math.Max(1, bare.Length / 3);
        return known
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(bare, name.TrimStart('-'))))
            .Where(c => c.Distance <= allowed || (bare.Length >= 3 && c.Name.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Name)
            .ToList();
    }

    /// <summary>Optimal string alignment distance (Levenshtein with adjacent transpositions), case-insensitive.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == char.ToLowerInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
