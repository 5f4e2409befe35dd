using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>Null: value <c>true</c> holds when the key is absent, <c>false</c> when it is present. An empty
/// multi-valued key counts as absent. Several values are ORed; values other than true/false match nothing.</summary>
public sealed class NullCondition : CompiledCondition
{
    private readonly bool _acceptsAbsent;
    private readonly bool _acceptsPresent;

    public NullCondition(Condition source)
        : base(source)
    {
        foreach (var value in source.Values)
        {
            if (BoolCondition.TryParse(value, out var wantsAbsent))
            {
                _acceptsAbsent |= wantsAbsent;
                _acceptsPresent |= !wantsAbsent;
            }
        }
    }

    /// <summary>Null asks about presence itself, so an absent key is an answer, not a missing key.</summary>
    public override bool Evaluate(ContextKeys keys, ICollection<string>? missingKeys)
    {
        var present = keys.TryGet(Key, out var value) && value.Count > 0;
        return present ? _acceptsPresent : _acceptsAbsent;
    }

    protected override ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys) => ValueTest.NoMatch;
}
