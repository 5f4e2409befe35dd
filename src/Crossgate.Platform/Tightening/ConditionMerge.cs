using System.Collections.Immutable;
using Crossgate.Policies;

namespace Crossgate.Platform.Tightening;

/// <summary>ANDs one more requirement (<c>OPERATOR {KEY: VALUE}</c>) into a statement's Condition block. Entries
/// of a block are already ANDed, so a new key is simply added; the same operator and key can appear only once in
/// JSON, so an existing entry is narrowed to the new value when it already admits it, and otherwise the two can
/// never both hold: that is refused rather than written as a statement that allows nothing.</summary>
public static class ConditionMerge
{
    public static ConditionBlock And(ConditionBlock block, ConditionOperator op, string key, string value, out string? conflict)
    {
        conflict = null;
        var conditions = block.Conditions;
        for (var i = 0; i < conditions.Length; i++)
        {
            var existing = conditions[i];
            if (existing.Operator != op || !string.Equals(existing.Key, key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!existing.Values.Contains(value, ComparerFor(op)))
            {
                conflict = $"its condition already requires {op} {existing.Key} to be one of [{string.Join(", ", existing.Values)}]; adding '{value}' would let it allow nothing.";
                return block;
            }

            // Only this value satisfies both.
            return new ConditionBlock(conditions.SetItem(i, existing with { Values = [value] }));
        }

        return new ConditionBlock(conditions.Add(new Condition(op, key, ImmutableArray.Create(value))));
    }

    // Bool and the IgnoreCase operators compare without case; the others exactly (StringLike patterns as text).
    private static StringComparer ComparerFor(ConditionOperator op) =>
        op.Kind is ConditionOperatorKind.Bool or ConditionOperatorKind.StringEqualsIgnoreCase
            ? StringComparer.OrdinalIgnoreCase
            : StringComparer.Ordinal;
}
