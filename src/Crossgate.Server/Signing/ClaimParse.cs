using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>Either a parsed <see cref="SignatureClaim"/> or the AWS error explaining why there is none.</summary>
public readonly record struct ClaimParse(SignatureClaim? Claim, AwsError? Error)
{
    public static ClaimParse Ok(SignatureClaim claim) => new(claim, null);
    public static ClaimParse Fail(AwsError error) => new(null, error);
}
