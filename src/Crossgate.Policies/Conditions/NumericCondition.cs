using System.Globalization;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>Numeric{Equals,NotEquals,LessThan,LessThanEquals,GreaterThan,GreaterThanEquals} over integers and
/// decimals. Policy values are parsed at compile time; one that does not parse matches nothing.</summary>
public sealed class NumericCondition : CompiledCondition
{
    private readonly decimal?[] _values;

    public NumericCondition(Condition source)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, static v => TryParse(v, out var number) ? number : (decimal?)null);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out decimal number) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (!TryParse(requestValue, out var request))
        {
            return ValueTest.Incomparable;
        }

        foreach (var value in _values)
        {
            if (value is { } policy && Compare(request, policy))
            {
                return ValueTest.Match;
            }
        }

        return ValueTest.NoMatch;
    }

    /// <summary>Request value (left) against policy value (right), e.g. NumericLessThan: request &lt; policy.</summary>
    private bool Compare(decimal request, decimal policy) => Operator.Kind switch
    {
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals => request == policy,
        ConditionOperatorKind.NumericLessThan => request < policy,
        ConditionOperatorKind.NumericLessThanEquals => request <= policy,
        ConditionOperatorKind.NumericGreaterThan => request > policy,
        ConditionOperatorKind.NumericGreaterThanEquals => request >= policy,
        _ => false,
    };
}
