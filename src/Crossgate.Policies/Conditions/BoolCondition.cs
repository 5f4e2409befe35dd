using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>Bool: <c>true</c>/<c>false</c> (case-insensitive) on both sides. Other policy values match nothing.</summary>
public sealed class BoolCondition : CompiledCondition
{
    private readonly bool?[] _values;

    public BoolCondition(Condition source)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, static v => TryParse(v, out var b) ? b : (bool?)null);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out bool value)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (!TryParse(requestValue, out var request))
        {
            return ValueTest.Incomparable;
        }

        foreach (var value in _values)
        {
            if (value == request)
            {
                return ValueTest.Match;
            }
        }

        return ValueTest.NoMatch;
    }
}
