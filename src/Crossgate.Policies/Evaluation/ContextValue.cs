namespace Crossgate.Policies.Evaluation;

/// <summary>A request-context value: one string, or a set for multi-valued keys such as <c>aws:TagKeys</c>.</summary>
public readonly struct ContextValue
{
    private readonly string[]? _values;

    private ContextValue(string[] values, bool isMultiValued)
    {
        _values = values;
        IsMultiValued = isMultiValued;
    }

    public static ContextValue Single(string value) => new([value], false);

    public static ContextValue Multi(params string[] values) => new(values, true);

    public bool IsMultiValued { get; }

    public ReadOnlySpan<string> Values => _values;

    public int Count => _values?.Length ?? 0;
}
