namespace Crossgate.Policies.Linting;

/// <summary>Case-insensitive Levenshtein distance, used to suggest the action a typo meant.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or any value ≥ <paramref name="limit"/> once it is known to reach it.</summary>
    public static int Between(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit)
        {
            return limit;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= limit)
            {
                return limit;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
