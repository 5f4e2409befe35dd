using System.Text.Json;
using Crossgate.Directory.Model;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Writes Organizations' response shapes (botocore's <c>Organization</c>, <c>Root</c>, <c>Account</c>, …).</summary>
internal static class OrganizationsShapes
{
    public static void Organization(Utf8JsonWriter json, Organization organization, Account? management)
    {
        json.WriteStartObject();
        json.WriteString("Id", organization.Id);
        json.WriteString("Arn", organization.Arn);
        json.WriteString("FeatureSet", organization.FeatureSet);
        json.WriteString("MasterAccountArn", $"arn:aws:organizations::{organization.ManagementAccountId}:account/{organization.Id}/{organization.ManagementAccountId}");
        json.WriteString("MasterAccountId", organization.ManagementAccountId);
        if ((organization.ManagementAccountEmail ?? management?.Email) is { } email)
        {
            json.WriteString("MasterAccountEmail", email);
        }

        // Deprecated by AWS in favour of the root's PolicyTypes, and answered as an empty list.
        json.WriteStartArray("AvailablePolicyTypes");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Root(Utf8JsonWriter json, OrganizationRoot root)
    {
        json.WriteStartObject();
        json.WriteString("Id", root.Id);
        json.WriteString("Arn", root.Arn);
        json.WriteString("Name", root.Name);
        json.WriteStartArray("PolicyTypes");
        foreach (var type in root.PolicyTypes)
        {
            json.WriteStartObject();
            json.WriteString("Type", type);
            json.WriteString("Status", "ENABLED");
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static void Account(Utf8JsonWriter json, Account account)
    {
        json.WriteStartObject();
        json.WriteString("Id", account.Id);
        if (account.Arn is { } arn)
        {
            json.WriteString("Arn", arn);
        }

        if (account.Email is { } email)
        {
            json.WriteString("Email", email);
        }

        json.WriteString("Name", account.Name);
        json.WriteString("Status", StatusName(account.Status));
        json.WriteString("State", StatusName(account.Status));
        if (account.JoinedMethod is { } method)
        {
            json.WriteString("JoinedMethod", method);
        }

        if (account.JoinedTimestamp is { } joined)
        {
            JsonProtocol.WriteTimestamp(json, "JoinedTimestamp", joined);
        }

        json.WriteEndObject();
    }

    public static void OrganizationalUnit(Utf8JsonWriter json, OrganizationalUnit unit)
    {
        json.WriteStartObject();
        json.WriteString("Id", unit.Id);
        json.WriteString("Arn", unit.Arn);
        json.WriteString("Name", unit.Name);
        json.WriteEndObject();
    }

    public static void PolicySummary(Utf8JsonWriter json, OrganizationPolicy policy)
    {
        json.WriteStartObject();
        json.WriteString("Id", policy.Id);
        json.WriteString("Arn", policy.Arn);
        json.WriteString("Name", policy.Name);
        json.WriteString("Description", policy.Description ?? string.Empty);
        json.WriteString("Type", policy.Type.ToWireName());
        json.WriteBoolean("AwsManaged", policy.AwsManaged);
        json.WriteEndObject();
    }

    public static void Policy(Utf8JsonWriter json, OrganizationPolicy policy)
    {
        json.WriteStartObject();
        json.WritePropertyName("PolicySummary");
        PolicySummary(json, policy);
        json.WriteString("Content", policy.Content);
        json.WriteEndObject();
    }

    /// <summary><c>CreateAccountStatus</c> at <paramref name="now"/>: <c>IN_PROGRESS</c> until the account joins,
    /// then <c>SUCCEEDED</c> with its id and the time it completed.</summary>
    public static void CreateAccountStatus(Utf8JsonWriter json, string requestId, Account account, DateTimeOffset now)
    {
        json.WriteStartObject();
        json.WriteString("Id", requestId);
        json.WriteString("AccountName", account.Name);
        var done = account.HasJoinedAt(now);
        json.WriteString("State", done ? "SUCCEEDED" : "IN_PROGRESS");
        if ((account.CreateRequestedTimestamp ?? account.JoinedTimestamp) is { } requested)
        {
            JsonProtocol.WriteTimestamp(json, "RequestedTimestamp", requested);
        }

        if (done)
        {
            if (account.JoinedTimestamp is { } joined)
            {
                JsonProtocol.WriteTimestamp(json, "CompletedTimestamp", joined);
            }

            json.WriteString("AccountId", account.Id);
        }

        json.WriteEndObject();
    }

    public static void FailedCreateAccountStatus(Utf8JsonWriter json, string requestId, string accountName, string failureReason, DateTimeOffset at)
    {
        json.WriteStartObject();
        json.WriteString("Id", requestId);
        json.WriteString("AccountName", accountName);
        json.WriteString("State", "FAILED");
        JsonProtocol.WriteTimestamp(json, "RequestedTimestamp", at);
        JsonProtocol.WriteTimestamp(json, "CompletedTimestamp", at);
        json.WriteString("FailureReason", failureReason);
        json.WriteEndObject();
    }

    /// <summary>Writes <c>{"Name":[…],"NextToken":…}</c>.</summary>
    public static Action<Utf8JsonWriter> List<T>(string name, IReadOnlyList<T> items, string? nextToken, Action<Utf8JsonWriter, T> write) => json =>
    {
        json.WriteStartObject();
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            write(json, item);
        }

        json.WriteEndArray();
        if (nextToken is not null)
        {
            json.WriteString("NextToken", nextToken);
        }

        json.WriteEndObject();
    };

    /// <summary>Writes <c>{"Name":{…}}</c>.</summary>
    public static Action<Utf8JsonWriter> Wrapped(string name, Action<Utf8JsonWriter> write) => json =>
    {
        json.WriteStartObject();
        json.WritePropertyName(name);
        write(json);
        json.WriteEndObject();
    };

    private static string StatusName(AccountStatus status) => status switch
    {
        AccountStatus.Suspended => "SUSPENDED",
        AccountStatus.PendingClosure => "PENDING_CLOSURE",
        _ => "ACTIVE",
    };
}
