using System.Text;

namespace Crossgate.Authorization.Simulation;

/// <summary>A text matched by two IAM globs at once (<c>*</c> any run, <c>?</c> one character), or null when no text
/// is: a breadth-first walk over pairs of positions in the two patterns, so the witness found is a shortest one.
/// Filler characters are letters, never <c>:</c> or <c>/</c>, so a witness adds no ARN part of its own.</summary>
internal static class GlobIntersection
{
    private const char Filler = 'x';

    public static string? Witness(string a, string b)
    {
        var width = b.Length + 1;
        var previous = new int[(a.Length + 1) * width];
        var via = new char[previous.Length];
        Array.Fill(previous, -2);
        var queue = new Queue<int>();
        foreach (var start in Closure(a, b, 0, 0))
        {
            Visit(start, -1, '\0');
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            var (i, j) = (state / width, state % width);
            if (i == a.Length && j == b.Length)
            {
                return Path(state);
            }

            foreach (var c in Candidates(a, b, i, j))
            {
                if (Step(a, i, c) is not { } ni || Step(b, j, c) is not { } nj)
                {
                    continue;
                }

                foreach (var next in Closure(a, b, ni, nj))
                {
                    Visit(next, state, c);
                }
            }
        }

        return null;

        void Visit(int state, int from, char c)
        {
            if (previous[state] != -2)
            {
                return;
            }

            previous[state] = from;
            via[state] = c;
            queue.Enqueue(state);
        }

        string Path(int state)
        {
            var text = new StringBuilder();
            for (var s = state; previous[s] >= 0; s = previous[s])
            {
                text.Insert(0, via[s]);
            }

            return text.ToString();
        }

        IEnumerable<int> Closure(string x, string y, int i, int j)
        {
            // A star may match nothing, so the positions after a run of stars are reachable without a character.
            for (var ii = i; ; ii++)
            {
                for (var jj = j; ; jj++)
                {
                    yield return ii * width + jj;
                    if (jj >= y.Length || y[jj] != '*')
                    {
                        break;
                    }
                }

                if (ii >= x.Length || x[ii] != '*')
                {
                    break;
                }
            }
        }
    }

    /// <summary>Where a pattern goes after matching one character <paramref name="c"/> at <paramref name="i"/>.</summary>
    private static int? Step(string pattern, int i, char c) =>
        i >= pattern.Length ? null
        : pattern[i] == '*' ? i
        : pattern[i] == '?' || pattern[i] == c ? i + 1
        : null;

    private static IEnumerable<char> Candidates(string a, string b, int i, int j)
    {
        if (i < a.Length && a[i] is not ('*' or '?'))
        {
            yield return a[i];
        }

        if (j < b.Length && b[j] is not ('*' or '?'))
        {
            yield return b[j];
        }

        yield return Filler;
    }
}
