namespace Crossgate.Policies.Matching;

/// <summary>IAM's glob: <c>*</c> matches any run of characters (including none, and including <c>/</c> and
/// <c>:</c>), <c>?</c> matches exactly one. No escapes. Allocation-free.</summary>
public static class Wildcard
{
    public static bool HasWildcard(ReadOnlySpan<char> pattern) => pattern.IndexOfAny('*', '?') >= 0;

    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<char> text, bool ignoreCase) =>
        IsMatch(pattern, ReadOnlySpan<bool>.Empty, text, ignoreCase);

    /// <summary>Glob match where only some <c>*</c>/<c>?</c> are wildcards: <paramref name="active"/>[i] says whether
    /// pattern[i] is one (an empty span means all are). Text substituted from policy variables and the
    /// <c>${*}</c>/<c>${?}</c> escapes yields inactive, literal characters.</summary>
    public static bool IsMatch(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> active, ReadOnlySpan<char> text, bool ignoreCase)
    {
        var allActive = active.IsEmpty;
        int p = 0, t = 0, starP = -1, starT = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && pattern[p] == '*' && (allActive || active[p]))
            {
                // Remember the star; first try matching it against nothing.
                starP = p++;
                starT = t;
            }
            else if (p < pattern.Length
                && ((pattern[p] == '?' && (allActive || active[p])) || CharEquals(pattern[p], text[t], ignoreCase)))
            {
                p++;
                t++;
            }
            else if (starP >= 0)
            {
                // Let the last star swallow one more character and retry.
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*' && (allActive || active[p]))
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool CharEquals(char a, char b, bool ignoreCase) =>
        a == b || (ignoreCase && char.ToUpperInvariant(a) == char.ToUpperInvariant(b));
}
