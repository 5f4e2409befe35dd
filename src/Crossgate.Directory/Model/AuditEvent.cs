namespace Crossgate.Directory.Model;

/// <summary>A CloudTrail-like record of one API call. JSON-valued fields hold the JSON text as CloudTrail writes it.</summary>
public sealed record AuditEvent
{
    public required string EventId { get; init; }

    public DateTimeOffset EventTime { get; init; }

    /// <summary><c>iam.amazonaws.com</c>, <c>sts.amazonaws.com</c>, <c>organizations.amazonaws.com</c>, …</summary>
    public required string EventSource { get; init; }

    public required string EventName { get; init; }

    public string AwsRegion { get; init; } = "us-east-1";

    /// <summary>The account whose resources the call touched.</summary>
    public string? RecipientAccountId { get; init; }

    public string UserIdentity { get; init; } = "{}";

    public string? SourceIpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string? RequestParameters { get; init; }

    public string? ResponseElements { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The service's request id (CloudTrail's <c>requestID</c>), when the event comes from an API call.</summary>
    public string? RequestId { get; init; }

    /// <summary>Assigned by the store on append: a strictly increasing sequence number.</summary>
    public long Sequence { get; init; }
}
