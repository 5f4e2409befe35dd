namespace Crossgate.Directory.Iam;

/// <summary>Who made a call, as CloudTrail records it; when given to a directory operation, the operation's audit
/// event is written in the same transaction as its change.</summary>
public sealed record AuditContext
{
    /// <summary>CloudTrail's <c>userIdentity</c> object, JSON text.</summary>
    public string UserIdentity { get; init; } = "{}";

    public string? SourceIpAddress { get; init; }

    public string? UserAgent { get; init; }

    public string AwsRegion { get; init; } = "us-east-1";
}
