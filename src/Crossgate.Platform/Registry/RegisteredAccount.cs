namespace Crossgate.Platform.Registry;

/// <summary>One target account the platform reaches: the role it assumes there, how (external id, session length),
/// and a short summary of the last account check.</summary>
public sealed record RegisteredAccount
{
    /// <summary>The AssumeRole default, and the shortest maximum session a role can have.</summary>
    public const int DefaultSessionDuration = 3600;

    public required string Alias { get; init; }

    public required string RoleArn { get; init; }

    public required string AccountId { get; init; }

    public string? ExternalId { get; init; }

    public int SessionDuration { get; init; } = DefaultSessionDuration;

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>E.g. "3 granted, 1 partial" or "not assumable: …"; null until the first check.</summary>
    public string? LastCheckSummary { get; init; }

    public DateTimeOffset? LastCheckTime { get; init; }
}
