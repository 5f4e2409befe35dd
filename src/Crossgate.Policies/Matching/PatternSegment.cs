namespace Crossgate.Policies.Matching;

/// <summary>One piece of a compiled <see cref="PolicyPattern"/>: policy text (its <c>*</c>/<c>?</c> are wildcards),
/// a literal (from <c>${*}</c>, <c>${?}</c>, <c>${$}</c>: never a wildcard), or a variable to substitute.</summary>
internal readonly record struct PatternSegment(PatternSegmentKind Kind, string Text, string? Default)
{
    public static PatternSegment PolicyText(string text) => new(PatternSegmentKind.PolicyText, text, null);

    public static PatternSegment Literal(string text) => new(PatternSegmentKind.Literal, text, null);

    /// <summary><paramref name="key"/> is the context key; <paramref name="fallback"/> the <c>, 'default'</c> value.</summary>
    public static PatternSegment Variable(string key, string? fallback) => new(PatternSegmentKind.Variable, key, fallback);
}

internal enum PatternSegmentKind
{
    PolicyText,
    Literal,
    Variable,
}
