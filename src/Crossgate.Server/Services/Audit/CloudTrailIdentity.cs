using System.Text.Json;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Services.Audit;

/// <summary>CloudTrail's <c>userIdentity</c> for a caller: its type read from the ARN (<c>Root</c>, <c>IAMUser</c>,
/// <c>AssumedRole</c>, <c>FederatedUser</c>), principal id, ARN, account and access key. A request that never
/// authenticated carries only the access key it claimed.</summary>
public static class CloudTrailIdentity
{
    public static string Json(CallerIdentity? caller, string? accessKeyId)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (caller is null || caller.Arn.Length == 0)
            {
                json.WriteString("type", "Unknown");
                if (caller is not null)
                {
                    json.WriteString("accountId", caller.Account);
                }
            }
            else
            {
                var type = TypeOf(caller.Arn);
                json.WriteString("type", type);
                json.WriteString("principalId", type == "Root" ? caller.Account : caller.UserId);
                json.WriteString("arn", caller.Arn);
                json.WriteString("accountId", caller.Account);
                if (type == "IAMUser")
                {
                    json.WriteString("userName", caller.Arn[(caller.Arn.LastIndexOf('/') + 1)..]);
                }
            }

            if (accessKeyId is not null)
            {
                json.WriteString("accessKeyId", accessKeyId);
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string TypeOf(string arn)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : string.Empty;
        return resource switch
        {
            "root" => "Root",
            _ when resource.StartsWith("user/", StringComparison.Ordinal) => "IAMUser",
            _ when resource.StartsWith("assumed-role/", StringComparison.Ordinal) => "AssumedRole",
            _ when resource.StartsWith("federated-user/", StringComparison.Ordinal) => "FederatedUser",
            _ => "Unknown",
        };
    }
}
