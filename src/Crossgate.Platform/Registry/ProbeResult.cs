using Crossgate.Platform.Aws;

namespace Crossgate.Platform.Registry;

/// <summary>The outcome of trying to assume a registered role: the session's credentials, or why not (a reason a
/// person can act on, and AWS's own code and message).</summary>
public sealed record ProbeResult(
    bool Assumable, AwsCredentialSet? Credentials, AssumeFailureKind? Failure, string? Reason, string? AwsCode, string? AwsMessage)
{
    public static ProbeResult Success(AwsCredentialSet credentials) => new(true, credentials, null, null, null, null);

    /// <summary>How long STS took to answer <c>AssumeRole</c>, as the caller saw it (request sent to answer read),
    /// whatever the answer; null when no answer came.</summary>
    public TimeSpan? AssumeRoleTime { get; init; }
}
