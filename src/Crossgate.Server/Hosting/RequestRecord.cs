using Crossgate.Server.Errors;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Hosting;

/// <summary>
/// One finished request, for audit: who called what, and how it ended. Carries no secrets and no request
/// parameters; the audit trail decides which parameters it may keep.
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
    AwsError? Error);
