using System.Text.Json;

namespace Crossgate.Platform.AccountCheck;

/// <summary>The check's documented JSON: an array with one object per account (<c>alias</c>, <c>accountId</c>,
/// <c>roleArn</c>, <c>verdict</c>, <c>assumable</c>, <c>reason</c>, <c>assumeRoleMilliseconds</c>, <c>groups</c>), each group
/// <c>{"sid", "status", "optional", "missingActions", "conditions", "reasons"}</c>; every key always present, ARNs and
/// Sids whole.</summary>
public static class AccountCheckJson
{
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<AccountCheckResult> results)
    {
        writer.WriteStartArray();
        foreach (var result in results)
        {
            WriteAccount(writer, result);
        }

        writer.WriteEndArray();
    }

    public static void WriteAccount(Utf8JsonWriter writer, AccountCheckResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("alias", result.Alias);
        writer.WriteString("accountId", result.AccountId);
        writer.WriteString("roleArn", result.RoleArn);
        writer.WriteString("verdict", result.Verdict.ToWireName());
        writer.WriteBoolean("assumable", result.Assumable);
        writer.WriteString("reason", result.Reason);
        if (result.AssumeRoleTime is { } took)
        {
            // Tenths of a millisecond: finer is noise.
            writer.WriteNumber("assumeRoleMilliseconds", Math.Round(took.TotalMilliseconds, 1));
        }
        else
        {
            writer.WriteNull("assumeRoleMilliseconds");
        }

        writer.WriteStartArray("groups");
        foreach (var group in result.Groups)
        {
            WriteGroup(writer, group);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteGroup(Utf8JsonWriter writer, GroupResult group)
    {
        writer.WriteStartObject();
        writer.WriteString("sid", group.Sid);
        writer.WriteString("status", group.Status.ToWireName());
        writer.WriteBoolean("optional", group.Optional);
        Strings(writer, "missingActions", group.MissingActions);
        Strings(writer, "conditions", group.Conditions);
        Strings(writer, "reasons", group.Reasons);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
