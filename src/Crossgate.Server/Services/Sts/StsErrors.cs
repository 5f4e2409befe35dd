using Crossgate.Server.Errors;

namespace Crossgate.Server.Services.Sts;

/// <summary>STS refusals outside the engine's AccessDenied, worded as STS words them (reference §1.9, §3.5).</summary>
public static class StsErrors
{
    public static AwsError Validation(string message) => new("ValidationError", message, 400);

    public static AwsError AccessDenied(string message) => new("AccessDenied", message, 403);

    public static AwsError MalformedPolicyDocument(string message) => new("MalformedPolicyDocument", message, 400);

    public static AwsError PackedPolicyTooLarge(int percent) =>
        new("PackedPolicyTooLarge", $"Packed policy consumes {percent}% of allotted space, please use smaller policy.", 400);

    public static AwsError InvalidParameterValue(string message) => new("InvalidParameterValue", message, 400);

    public static AwsError InvalidMfaCode() =>
        AccessDenied("MultiFactorAuthentication failed with invalid MFA one time pass code.");

    public static AwsError UnknownMfaDevice() =>
        AccessDenied("MultiFactorAuthentication failed, unable to validate MFA code.");

    public static AwsError DuplicateTagKeys() =>
        InvalidParameterValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.");

    public static AwsError SessionTokenFromSession() =>
        AccessDenied("Cannot call GetSessionToken with session credentials");
}
