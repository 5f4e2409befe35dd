namespace Crossgate.Directory.Storage;

/// <summary>A filter over audit events, newest first (as CloudTrail's LookupEvents answers).</summary>
public sealed record AuditQuery
{
    public string? AccountId { get; init; }

    public string? EventName { get; init; }

    public string? EventSource { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? EndTime { get; init; }

    /// <summary>Only events with a sequence number below this (the previous page's last one).</summary>
    public long? BeforeSequence { get; init; }

    public int MaxResults { get; init; } = 50;
}
