using System.Collections.Immutable;

namespace Crossgate.Policies;

/// <summary>A statement's <c>Condition</c> element, flattened to one entry per operator and key.
/// Entries are ANDed; the values inside one entry are ORed (NORed for negated operators).</summary>
public sealed class ConditionBlock
{
    public static readonly ConditionBlock Empty = new(ImmutableArray<Condition>.Empty);

    public ConditionBlock(ImmutableArray<Condition> conditions) => Conditions = conditions;

    public ImmutableArray<Condition> Conditions { get; }

    public bool IsEmpty => Conditions.IsEmpty;
}

/// <summary>One operator applied to one context key, e.g. <c>StringEquals {"sts:ExternalId": ["a","b"]}</c>.
/// Values are kept as the text AWS compares (JSON numbers and booleans are turned into their text).</summary>
public sealed record Condition(ConditionOperator Operator, string Key, ImmutableArray<string> Values);
