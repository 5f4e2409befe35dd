namespace Crossgate.Policies.Matching;

/// <summary>Reads <c>${key}</c>, <c>${key, 'default'}</c> and the escapes <c>${*}</c>, <c>${?}</c>, <c>${$}</c> out of
/// policy text. Anything that does not parse as a variable stays plain text.</summary>
internal static class PolicyVariableSyntax
{
    public static PatternSegment[] Split(string text)
    {
        var segments = new List<PatternSegment>();
        var plainStart = 0;
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("${", i, StringComparison.Ordinal);
            if (open < 0)
            {
                break;
            }

            var close = text.IndexOf('}', open + 2);
            if (close < 0)
            {
                break;
            }

            if (!TryParseBody(text.AsSpan(open + 2, close - open - 2), out var segment))
            {
                i = open + 2;
                continue;
            }

            if (open > plainStart)
            {
                segments.Add(PatternSegment.PolicyText(text[plainStart..open]));
            }

            segments.Add(segment);
            i = plainStart = close + 1;
        }

        if (plainStart < text.Length)
        {
            segments.Add(PatternSegment.PolicyText(text[plainStart..]));
        }

        return segments.ToArray();
    }

    /// <summary>Parses what is between <c>${</c> and <c>}</c>.</summary>
    public static bool TryParseBody(ReadOnlySpan<char> body, out PatternSegment segment)
    {
        segment = default;
        if (body is "*" or "?" or "$")
        {
            segment = PatternSegment.Literal(body.ToString());
            return true;
        }

        string? fallback = null;
        var comma = body.IndexOf(',');
        var key = body;
        if (comma >= 0)
        {
            // ${key, 'default'}: AWS documents comma + space + single-quoted text; spaces are tolerated here.
            var rest = body[(comma + 1)..].Trim(' ');
            if (rest.Length < 2 || rest[0] != '\'' || rest[^1] != '\'')
            {
                return false;
            }

            fallback = rest[1..^1].ToString();
            key = body[..comma];
        }

        key = key.Trim(' ');
        if (key.IsEmpty || key.IndexOfAny("${}'") >= 0)
        {
            return false;
        }

        segment = PatternSegment.Variable(key.ToString(), fallback);
        return true;
    }
}
