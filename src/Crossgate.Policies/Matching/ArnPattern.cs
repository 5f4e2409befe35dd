using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Matching;

/// <summary>An ARN pattern (Resource entry, ArnLike value) compiled once. As IAM does, each of the six
/// colon-delimited parts is matched separately with <c>*</c>/<c>?</c>, case-sensitively: a wildcard in the region
/// cannot swallow the account. The resource part (everything after the fifth colon) may hold <c>:</c> and <c>/</c>.
/// A pattern with fewer than five colons (e.g. <c>*</c>, <c>arn:aws:s3:*</c>) is matched as one glob over the whole
/// value, which is how a trailing <c>*</c> extends across the remaining parts.</summary>
public sealed class ArnPattern
{
    private const int PartCount = 6;

    // Either the six colon-delimited parts ("arn", partition, service, region, account, resource) or one whole-text glob.
    private readonly PolicyPattern[]? _parts;
    private readonly PolicyPattern? _whole;

    private ArnPattern(string text, PolicyPattern[]? parts, PolicyPattern? whole)
    {
        Text = text;
        _parts = parts;
        _whole = whole;
    }

    public string Text { get; }

    /// <summary>True for the pattern <c>*</c>, which matches any resource.</summary>
    public bool MatchesAll => _whole is { HasVariables: false, Text: "*" };

    /// <param name="variables">Whether <c>${...}</c> is substituted at all (policy Version 2012-10-17).</param>
    /// <param name="variablesInResourcePartOnly">Resource elements substitute only after the fifth colon (AWS);
    /// ARN condition values substitute anywhere.</param>
    public static ArnPattern Compile(string text, bool variables, bool variablesInResourcePartOnly)
    {
        Span<int> colons = stackalloc int[PartCount - 1];
        var found = 0;
        var insideVariable = false;
        for (var i = 0; i < text.Length && found < colons.Length; i++)
        {
            // A colon inside ${aws:username} belongs to the variable, not to the ARN.
            if (variables && !insideVariable && text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                insideVariable = true;
            }
            else if (insideVariable && text[i] == '}')
            {
                insideVariable = false;
            }
            else if (!insideVariable && text[i] == ':')
            {
                colons[found++] = i;
            }
        }

        if (found < colons.Length)
        {
            return new ArnPattern(text, null, PolicyPattern.Compile(text, variables));
        }

        var parts = new PolicyPattern[PartCount];
        var start = 0;
        for (var p = 0; p < PartCount; p++)
        {
            var end = p < PartCount - 1 ? colons[p] : text.Length;
            var partVariables = variables && (!variablesInResourcePartOnly || p == PartCount - 1);
            parts[p] = p < PartCount - 1 ? SharedPart(text.AsSpan(start, end - start), partVariables) : PolicyPattern.Compile(text[start..end], partVariables);
            start = end + 1;
        }

        return new ArnPattern(text, parts, null);
    }

    // The parts before the resource ("arn", "aws", "iam", "", "*", an account) recur across nearly every ARN; a
    // pattern without variables never changes, so one copy of each serves every policy. Capped, as accounts vary.
    private const int SharedPartLimit = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PolicyPattern> SharedParts = new(StringComparer.Ordinal);

    private static PolicyPattern SharedPart(ReadOnlySpan<char> part, bool variables)
    {
        if (variables && part.Contains("${", StringComparison.Ordinal))
        {
            return PolicyPattern.Compile(part.ToString(), variables);
        }

        var lookup = SharedParts.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(part, out var shared))
        {
            return shared;
        }

        var pattern = PolicyPattern.Compile(part.ToString(), variables: false);
        return SharedParts.Count < SharedPartLimit ? SharedParts.GetOrAdd(pattern.Text, pattern) : pattern;
    }

    /// <summary>Matches a request ARN (or <c>*</c> for actions without a resource).</summary>
    public bool IsMatch(ReadOnlySpan<char> value, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (_whole is not null)
        {
            return _whole.IsMatch(value, TextMatchMode.Like, keys, missingKeys);
        }

        return MatchParts(value, keys, missingKeys);
    }

    private bool MatchParts(ReadOnlySpan<char> value, ContextKeys keys, ICollection<string>? missingKeys)
    {
        // Split the value at its first five colons without allocating; a value with fewer is not an ARN.
        Span<int> colons = stackalloc int[PartCount - 1];
        var found = 0;
        for (var i = 0; i < value.Length && found < colons.Length; i++)
        {
            if (value[i] == ':')
            {
                colons[found++] = i;
            }
        }

        if (found < colons.Length)
        {
            return false;
        }

        var start = 0;
        for (var p = 0; p < PartCount; p++)
        {
            var end = p < PartCount - 1 ? colons[p] : value.Length;
            if (!_parts![p].IsMatch(value[start..end], TextMatchMode.Like, keys, missingKeys))
            {
                return false;
            }

            start = end + 1;
        }

        return true;
    }

    public override string ToString() => Text;
}
