using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads a Condition element (<c>{ operator: { key: value-or-array } }</c>) into a flat
/// <see cref="ConditionBlock"/>. Numbers and booleans become their JSON text, as AWS compares text.</summary>
internal static class ConditionReader
{
    public static ConditionBlock Read(JsonElement value, string path, PolicyErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, path);
            return ConditionBlock.Empty;
        }

        var conditions = ImmutableArray.CreateBuilder<Condition>();
        foreach (var opMember in JsonMembers.Read(value, path, errors))
        {
            var opPath = JsonPath.Property(path, opMember.Name);
            if (opMember.Value.ValueKind != JsonValueKind.Object)
            {
                errors.Malformed(PolicyMessages.SyntaxErrors, opPath);
                continue;
            }

            var keys = JsonMembers.Read(opMember.Value, opPath, errors);
            if (!ConditionOperator.TryParse(opMember.Name, out var op))
            {
                // IAM tolerates an unknown operator only when it carries no keys.
                if (!keys.IsEmpty)
                {
                    errors.Malformed(PolicyMessages.SyntaxErrors, opPath);
                }

                continue;
            }

            foreach (var keyMember in keys)
            {
                var keyPath = JsonPath.Property(opPath, keyMember.Name);
                if (!HasVendor(keyMember.Name))
                {
                    errors.Malformed(PolicyMessages.ActionNeedsVendor, keyPath);
                    continue;
                }

                var values = ReadValues(keyMember.Value, keyPath, errors);
                if (!values.IsDefault)
                {
                    conditions.Add(new Condition(op, keyMember.Name, values));
                }
            }
        }

        return conditions.Count == 0 ? ConditionBlock.Empty : new ConditionBlock(conditions.ToImmutable());
    }

    // Keys are "vendor:name"; vendors may be OIDC issuers with dots and slashes, and tag keys may hold more colons.
    private static bool HasVendor(string key) => key.IndexOf(':') > 0;

    private static ImmutableArray<string> ReadValues(JsonElement value, string path, PolicyErrorList errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return TryScalar(value, out var single) ? ImmutableArray.Create(single) : Refuse(path, errors);
        }

        var values = ImmutableArray.CreateBuilder<string>(value.GetArrayLength());
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (TryScalar(item, out var text))
            {
                values.Add(text);
            }
            else
            {
                errors.Malformed(PolicyMessages.SyntaxErrors, JsonPath.Index(path, index));
                return default;
            }

            index++;
        }

        return values.ToImmutable();
    }

    private static ImmutableArray<string> Refuse(string path, PolicyErrorList errors)
    {
        errors.Malformed(PolicyMessages.SyntaxErrors, path);
        return default;
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
