using System.Buffers;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Matching;

/// <summary>A policy string (resource part, condition value, action) compiled once: split into text and
/// <c>${...}</c> variables so that each request only substitutes into a stack or pooled buffer.
/// Substituted values match literally: a <c>*</c> coming from the request context is not a wildcard.</summary>
public sealed class PolicyPattern
{
    // Buffers up to this many characters live on the stack; longer ones are rented.
    private const int StackLimit = 256;

    private readonly PatternSegment[]? _segments;

    private PolicyPattern(string text, PatternSegment[]? segments)
    {
        Text = text;
        _segments = segments;
        HasWildcard = Wildcard.HasWildcard(text);
    }

    /// <summary>The pattern as written in the policy.</summary>
    public string Text { get; }

    /// <summary>True when the text holds <c>${...}</c> variables that are substituted per request.</summary>
    public bool HasVariables => _segments is not null;

    private bool HasWildcard { get; }

    /// <summary>Compiles <paramref name="text"/>; with <paramref name="variables"/> false (policy Version other than
    /// 2012-10-17, or an element where AWS does not substitute) <c>${...}</c> is plain text.</summary>
    public static PolicyPattern Compile(string text, bool variables)
    {
        if (!variables || !text.Contains("${", StringComparison.Ordinal))
        {
            return new PolicyPattern(text, null);
        }

        var segments = PolicyVariableSyntax.Split(text);
        var plain = segments.Length == 1 && segments[0].Kind == PatternSegmentKind.PolicyText;
        return new PolicyPattern(text, plain ? null : segments);
    }

    /// <summary>Matches <paramref name="value"/> against the pattern, substituting variables from <paramref name="keys"/>.
    /// A variable whose key is absent (and has no default) or multi-valued makes the pattern match nothing; an absent
    /// key is then added to <paramref name="missingKeys"/>.</summary>
    public bool IsMatch(ReadOnlySpan<char> value, TextMatchMode mode, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (_segments is null)
        {
            return MatchPlain(Text, ReadOnlySpan<bool>.Empty, value, mode, HasWildcard);
        }

        var length = ResolvedLength(keys, missingKeys);
        if (length < 0)
        {
            return false;
        }

        char[]? rentedChars = null;
        bool[]? rentedFlags = null;
        var chars = length <= StackLimit ? stackalloc char[StackLimit] : (rentedChars = ArrayPool<char>.Shared.Rent(length));
        var active = length <= StackLimit ? stackalloc bool[StackLimit] : (rentedFlags = ArrayPool<bool>.Shared.Rent(length));
        try
        {
            var anyWildcard = Fill(keys, chars, active);
            return MatchPlain(chars[..length], active[..length], value, mode, anyWildcard);
        }
        finally
        {
            if (rentedChars is not null)
            {
                ArrayPool<char>.Shared.Return(rentedChars);
            }

            if (rentedFlags is not null)
            {
                ArrayPool<bool>.Shared.Return(rentedFlags);
            }
        }
    }

    private static bool MatchPlain(ReadOnlySpan<char> pattern, ReadOnlySpan<bool> active, ReadOnlySpan<char> value, TextMatchMode mode, bool anyWildcard) =>
        mode switch
        {
            TextMatchMode.Exact => pattern.SequenceEqual(value),
            TextMatchMode.IgnoreCase => pattern.Equals(value, StringComparison.OrdinalIgnoreCase),
            TextMatchMode.Like => anyWildcard ? Wildcard.IsMatch(pattern, active, value, ignoreCase: false) : pattern.SequenceEqual(value),
            _ => anyWildcard ? Wildcard.IsMatch(pattern, active, value, ignoreCase: true) : pattern.Equals(value, StringComparison.OrdinalIgnoreCase),
        };

    /// <summary>Length of the substituted text, or -1 when a variable cannot be resolved.</summary>
    private int ResolvedLength(ContextKeys keys, ICollection<string>? missingKeys)
    {
        var length = 0;
        foreach (var segment in _segments!)
        {
            if (segment.Kind != PatternSegmentKind.Variable)
            {
                length += segment.Text.Length;
                continue;
            }

            if (!TryResolve(segment, keys, missingKeys, out var resolved))
            {
                return -1;
            }

            length += resolved.Length;
        }

        return length;
    }

    /// <summary>Writes the substituted text; returns whether any active wildcard was written.</summary>
    private bool Fill(ContextKeys keys, Span<char> chars, Span<bool> active)
    {
        var at = 0;
        var anyWildcard = false;
        foreach (var segment in _segments!)
        {
            string text;
            var isPolicyText = segment.Kind == PatternSegmentKind.PolicyText;
            if (segment.Kind == PatternSegmentKind.Variable)
            {
                TryResolve(segment, keys, null, out text);
            }
            else
            {
                text = segment.Text;
            }

            text.AsSpan().CopyTo(chars[at..]);
            for (var i = 0; i < text.Length; i++)
            {
                var wildcard = isPolicyText && (text[i] == '*' || text[i] == '?');
                active[at + i] = wildcard;
                anyWildcard |= wildcard;
            }

            at += text.Length;
        }

        return anyWildcard;
    }

    private static bool TryResolve(PatternSegment variable, ContextKeys keys, ICollection<string>? missingKeys, out string value)
    {
        if (keys.TryGet(variable.Text, out var contextValue))
        {
            // AWS: a multi-valued key cannot be used as a policy variable.
            if (contextValue.IsMultiValued || contextValue.Count != 1)
            {
                value = string.Empty;
                return false;
            }

            value = contextValue.Values[0];
            return true;
        }

        if (variable.Default is not null)
        {
            value = variable.Default;
            return true;
        }

        missingKeys?.Add(variable.Text);
        value = string.Empty;
        return false;
    }

    public override string ToString() => Text;
}
