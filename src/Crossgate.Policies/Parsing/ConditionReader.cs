using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads a Condition element (<c>{ operator: { key: value-or-array } }</c>) into a flat
/// <see cref="ConditionBlock"/>. Numbers and booleans become their JSON text, as AWS compares text.</summary>
internal static class ConditionReader
{
    /// <param name="location">The Condition element's location.</param>
    public static ConditionBlock Read(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return ConditionBlock.Empty;
        }

        var operators = DuplicateMembers.Check(value, ref location, errors);
        var conditions = new Condition[CountKeys(value)];
        var count = 0;
        var opIndex = 0;
        foreach (var opMember in value.EnumerateObject())
        {
            if (operators.IsDuplicate(opIndex++))
            {
                continue;
            }

            var opName = opMember.Name;
            location.Push(opName);
            ReadOperator(opMember.Value, opName, ref location, errors, conditions, ref count);
            location.Pop();
        }

        if (count == 0)
        {
            return ConditionBlock.Empty;
        }

        if (count != conditions.Length)
        {
            Array.Resize(ref conditions, count);
        }

        return new ConditionBlock(ImmutableCollectionsMarshal.AsImmutableArray(conditions));
    }

    private static void ReadOperator(JsonElement keys, string opName, ref JsonLocation location, PolicyErrorList errors,
        Condition[] conditions, ref int count)
    {
        if (keys.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return;
        }

        var members = DuplicateMembers.Check(keys, ref location, errors);
        var keyCount = keys.GetPropertyCount();
        if (!ConditionOperator.TryParse(opName, out var op))
        {
            // IAM tolerates an unknown operator only when it carries no keys.
            if (keyCount > 0)
            {
                errors.Malformed(PolicyMessages.SyntaxErrors, location);
            }

            return;
        }

        var keyIndex = 0;
        foreach (var keyMember in keys.EnumerateObject())
        {
            if (members.IsDuplicate(keyIndex++))
            {
                continue;
            }

            var key = keyMember.Name;
            location.Push(key);
            if (key.Length == 0)
            {
                errors.Malformed(PolicyMessages.SyntaxErrors, location);
            }
            else if (ReadValues(keyMember.Value, ref location, errors) is { } values)
            {
                if (ConditionValueSyntax.AllFit(op.Kind, values))
                {
                    conditions[count++] = new Condition(op, key, ImmutableCollectionsMarshal.AsImmutableArray(values));
                }
                else
                {
                    errors.Malformed(PolicyMessages.LegacyParsingFailed, location);
                }
            }

            location.Pop();
        }
    }

    /// <summary>An upper bound on the conditions: every key of every operator object.</summary>
    private static int CountKeys(JsonElement condition)
    {
        var count = 0;
        foreach (var opMember in condition.EnumerateObject())
        {
            if (opMember.Value.ValueKind == JsonValueKind.Object)
            {
                count += opMember.Value.GetPropertyCount();
            }
        }

        return count;
    }

    /// <summary>The values as text, or null when one is not a scalar (only the first such one is reported).</summary>
    private static string[]? ReadValues(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            if (TryScalar(value, out var single))
            {
                return [single];
            }

            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return null;
        }

        var values = new string[value.GetArrayLength()];
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (!TryScalar(item, out values[index]))
            {
                location.Push(index);
                errors.Malformed(PolicyMessages.SyntaxErrors, location);
                location.Pop();
                return null;
            }

            index++;
        }

        return values;
    }

    private static bool TryScalar(JsonElement value, out string text)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                text = value.GetString()!;
                return true;
            case JsonValueKind.Number:
                text = value.GetRawText();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }
}
