using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Conditions;

/// <summary>One operator on one key, compiled: policy values are parsed once, so a request only parses its own
/// values. This base class holds AWS's rules for absent keys, <c>IfExists</c>, set qualifiers and negation;
/// subclasses only say whether a single request value matches any policy value.</summary>
public abstract class CompiledCondition
{
    protected CompiledCondition(Condition source)
    {
        Source = source;
        Key = source.Key;
        Operator = source.Operator;
        IsNegated = source.Operator.IsNegated;
    }

    public Condition Source { get; }

    public string Key { get; }

    public ConditionOperator Operator { get; }

    protected bool IsNegated { get; }

    /// <summary>True when the condition holds for the request's keys. An absent key is added to
    /// <paramref name="missingKeys"/>.</summary>
    public virtual bool Evaluate(ContextKeys keys, ICollection<string>? missingKeys)
    {
        if (!keys.TryGet(Key, out var value))
        {
            missingKeys?.Add(Key);
            return WhenAbsent();
        }

        var values = value.Values;
        if (values.IsEmpty)
        {
            // An empty set behaves as an absent key (ForAllValues true, ForAnyValue false).
            return WhenAbsent();
        }

        switch (Operator.Qualifier)
        {
            case SetQualifier.ForAnyValue:
                foreach (var item in values)
                {
                    if (Holds(item, keys, missingKeys))
                    {
                        return true;
                    }
                }

                return false;

            case SetQualifier.ForAllValues:
                foreach (var item in values)
                {
                    if (!Holds(item, keys, missingKeys))
                    {
                        return false;
                    }
                }

                return true;

            default:
                // A plain operator against a key with several values in the request is false, negated or not
                // (reference §2.5; only an absent key makes negated operators true).
                return values.Length == 1 && Holds(values[0], keys, missingKeys);
        }
    }

    /// <summary>AWS: IfExists → true; ForAllValues → true; ForAnyValue → false; otherwise negated operators
    /// (StringNotEquals...) → true and positive ones → false.</summary>
    private bool WhenAbsent()
    {
        if (Operator.IfExists)
        {
            return true;
        }

        return Operator.Qualifier switch
        {
            SetQualifier.ForAllValues => true,
            SetQualifier.ForAnyValue => false,
            _ => IsNegated,
        };
    }

    /// <summary>One request value against all policy values: OR for positive operators, NOR for negated ones.</summary>
    private bool Holds(string requestValue, ContextKeys keys, ICollection<string>? missingKeys) =>
        Test(requestValue, keys, missingKeys) switch
        {
            ValueTest.Match => !IsNegated,
            ValueTest.NoMatch => IsNegated,
            _ => false,
        };

    /// <summary>Whether <paramref name="requestValue"/> matches any policy value, under the operator's positive form
    /// (StringNotLike tests as StringLike). Policy values that did not parse match nothing.</summary>
    protected abstract ValueTest Test(string requestValue, ContextKeys keys, ICollection<string>? missingKeys);

    public override string ToString() => $"{Operator} {Key}";
}
