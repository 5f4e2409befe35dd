using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Conditions;

/// <summary>Arn{Equals,Like,NotEquals,NotLike}. AWS documents ArnEquals and ArnLike as the same test: each of the
/// six colon-delimited parts matched separately, case-sensitively, with <c>*</c>/<c>?</c>. Values may hold variables.</summary>
public sealed class ArnCondition : CompiledCondition
{
    private readonly ArnPattern[] _values;

    public ArnCondition(Condition source, bool policyVariables)
        : base(source)
    {
        _values = ConditionValues.Map(source.Values, policyVariables, static (v, variables) => ArnPattern.Compile(v, variables, variablesInResourcePartOnly: false));
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys)
    {
        foreach (var value in _values)
        {
            if (value.IsMatch(requestValue, keys, missingKeys))
            {
                return ValueTest.Match;
            }
        }

        return ValueTest.NoMatch;
    }
}
