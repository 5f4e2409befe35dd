using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Crossgate.Policies;

namespace Crossgate.Platform.Tightening;

/// <summary>Writes a policy model back as IAM policy JSON. Elements keep IAM's order (Sid, Effect, Principal,
/// Action, Resource, Condition); one value is written as a string, several as an array; condition operators keep
/// the order in which they first appear.</summary>
public static class PolicyJsonWriter
{
    public static JsonObject ToJson(string? version, string? id, IEnumerable<Statement> statements)
    {
        var root = new JsonObject();
        if (version is not null)
        {
            root["Version"] = version;
        }

        if (id is not null)
        {
            root["Id"] = id;
        }

        root["Statement"] = new JsonArray([.. statements.Select(StatementToJson)]);
        return root;
    }

    public static JsonObject StatementToJson(Statement statement)
    {
        var json = new JsonObject();
        if (!string.IsNullOrEmpty(statement.Sid))
        {
            json["Sid"] = statement.Sid;
        }

        json["Effect"] = statement.Effect == Effect.Allow ? "Allow" : "Deny";
        if (statement.Principal is { } principal)
        {
            json[statement.IsNotPrincipal ? "NotPrincipal" : "Principal"] = PrincipalToJson(principal);
        }

        json[statement.IsNotAction ? "NotAction" : "Action"] = Values(statement.Actions);
        if (statement.HasResource)
        {
            json[statement.IsNotResource ? "NotResource" : "Resource"] = Values(statement.Resources);
        }

        if (!statement.Condition.IsEmpty)
        {
            var condition = new JsonObject();
            foreach (var entry in statement.Condition.Conditions)
            {
                var operatorName = entry.Operator.ToString();
                if (condition[operatorName] is not JsonObject keys)
                {
                    keys = new JsonObject();
                    condition[operatorName] = keys;
                }

                keys[entry.Key] = Values(entry.Values);
            }

            json["Condition"] = condition;
        }

        return json;
    }

    private static JsonNode PrincipalToJson(PrincipalSet principal)
    {
        if (principal.IsWildcard)
        {
            return JsonValue.Create("*");
        }

        var json = new JsonObject();
        Add(json, "AWS", principal.Aws);
        Add(json, "Service", principal.Service);
        Add(json, "Federated", principal.Federated);
        Add(json, "CanonicalUser", principal.CanonicalUser);
        return json;
    }

    private static void Add(JsonObject json, string name, ImmutableArray<string> values)
    {
        if (!values.IsDefaultOrEmpty)
        {
            json[name] = Values(values);
        }
    }

    private static JsonNode Values(ImmutableArray<string> values) =>
        values.Length == 1 ? JsonValue.Create(values[0]) : new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
