using Crossgate.Server.Errors;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Hosting;

/// <summary>
/// One finished request, for audit: who called what, and how it ended. Carries no secrets: its parameters are
/// already redacted (<see cref="AuditParameters"/>).
/// </summary>
public sealed record RequestRecord(
    string RequestId,
    DateTimeOffset ReceivedAt,
    string? Service,
    string? Action,
    string? AccessKeyId,
    CallerIdentity? Caller,
    string? SourceIp,
    string? UserAgent,
    int HttpStatus,
    AwsError? Error)
{
    /// <summary>The region the request was signed for, when a signature could be read.</summary>
    public string? Region { get; init; }

    /// <summary>CloudTrail's <c>requestParameters</c>: a JSON object without secrets, or null when there are none.</summary>
    public string? Parameters { get; init; }
}
