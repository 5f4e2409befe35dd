using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Conditions;

/// <summary>String{Equals,NotEquals,EqualsIgnoreCase,NotEqualsIgnoreCase,Like,NotLike}. Values may hold policy
/// variables; <c>*</c>/<c>?</c> are wildcards only for the Like forms.</summary>
public sealed class StringCondition : CompiledCondition
{
    private readonly PolicyPattern[] _values;
    private readonly TextMatchMode _mode;

    public StringCondition(Condition source, bool policyVariables)
        : base(source)
    {
        _mode = source.Operator.Kind switch
        {
            ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals => TextMatchMode.Exact,
            ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase => TextMatchMode.IgnoreCase,
            ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike => TextMatchMode.Like,
            _ => throw new ArgumentException($"{source.Operator} is not a string operator.", nameof(source)),
        };
        _values = ConditionValues.Map(source.Values, policyVariables, static (v, variables) => PolicyPattern.Compile(v, variables));
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        foreach (var value in _values)
        {
            if (value.IsMatch(requestValue, _mode, keys, missingKeys))
            {
                return ValueTest.Match;
            }
        }

        return ValueTest.NoMatch;
    }
}
