using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Crossgate.Web.Api;

/// <summary><c>POST /api/v1/accounts</c>.</summary>
public sealed record AddAccountRequest
{
    public required string RoleArn { get; init; }

    public required string Alias { get; init; }

    public string? ExternalId { get; init; }

    public bool RunAccountCheck { get; init; } = true;
}

/// <summary><c>POST /api/v1/discover</c>.</summary>
public sealed record DiscoverRequest
{
    public required string RoleName { get; init; }

    public ImmutableArray<string>? OuIds { get; init; }

    public string? ExternalId { get; init; }
}

public sealed record AccountView(
    string Alias,
    string AccountId,
    string RoleArn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ExternalId,
    bool Assumable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    DateTimeOffset AddedAt,
    CheckView? LastCheck);

public sealed record AccountList(IReadOnlyList<AccountView> Accounts);

public sealed record CheckView(
    long Id,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    bool Assumable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    string Verdict,
    IReadOnlyList<GroupView> Groups);

public sealed record GroupView(string Sid, string Status, IReadOnlyList<string> MissingActions, IReadOnlyList<string> Conditions, IReadOnlyList<string> Reasons);

public sealed record CheckList(IReadOnlyList<CheckView> Checks);

public sealed record DiscoveryRow(
    string AccountId,
    string AccountName,
    string? Alias,
    bool Added,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

public sealed record DiscoveryResults(IReadOnlyList<DiscoveryRow> Results);

public sealed record EventView(
    long Id,
    DateTimeOffset Time,
    string Alias,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sid,
    string From,
    string To,
    string Message);

public sealed record EventList(IReadOnlyList<EventView> Events);

/// <summary><c>GET /api/v1/platform</c>: who the platform acts as, where it calls, the schedule, and what the caller
/// may do.</summary>
public sealed record PlatformView(
    string? Identity, string Endpoint, string? CheckEvery, DateTimeOffset? NextScheduledCheck, string Caller, bool ReadOnly, bool PermissionsStored);
