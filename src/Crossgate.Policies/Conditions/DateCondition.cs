using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>Date{Equals,NotEquals,LessThan,LessThanEquals,GreaterThan,GreaterThanEquals}; ISO 8601 or epoch
/// seconds on either side, compared as instants. Policy values are parsed at compile time.</summary>
public sealed class DateCondition : CompiledCondition
{
    private readonly long?[] _values;

    public DateCondition(Condition source)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, static v => PolicyDate.TryParse(v, out var ticks) ? ticks : (long?)null);
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (!PolicyDate.TryParse(requestValue, out var request))
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

    /// <summary>Request instant (left) against policy instant (right), e.g. DateLessThan: request before policy.</summary>
    private bool Compare(long request, long policy) => Operator.Kind switch
    {
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals => request == policy,
        ConditionOperatorKind.DateLessThan => request < policy,
        ConditionOperatorKind.DateLessThanEquals => request <= policy,
        ConditionOperatorKind.DateGreaterThan => request > policy,
        ConditionOperatorKind.DateGreaterThanEquals => request >= policy,
        _ => false,
    };
}
