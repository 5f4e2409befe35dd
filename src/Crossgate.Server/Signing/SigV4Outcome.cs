using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>The result of verifying a request: the caller's credential, or the AWS error to answer with.</summary>
public sealed record SigV4Outcome(SignatureClaim? Claim, ResolvedCredential? Credential, AwsError? Error)
{
    public bool IsAuthenticated => Error is null && Credential is not null;

    public static SigV4Outcome Fail(AwsError error, SignatureClaim? claim = null) => new(claim, null, error);
}
