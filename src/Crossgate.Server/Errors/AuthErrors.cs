namespace Crossgate.Server.Errors;

/// <summary>
/// Authentication failures with the codes, texts and statuses AWS's Query services return
/// (reference §3.5; texts quoted in public AWS issue threads). The JSON protocol renames some codes,
/// see <see cref="Crossgate.Server.Protocols.Json.JsonErrorCodes"/>.
/// </summary>
public static class AuthErrors
{
    public const string InvalidClientTokenIdMessage = "The security token included in the request is invalid.";

    public const string SignatureDoesNotMatchMessage =
        "The request signature we calculated does not match the signature you provided. " +
        "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    public const string ExpiredTokenMessage = "The security token included in the request is expired";

    public const string MissingAuthenticationTokenMessage = "Request is missing Authentication Token";

    public static AwsError MissingAuthenticationToken() =>
        new("MissingAuthenticationToken", MissingAuthenticationTokenMessage, 403);

    public static AwsError InvalidClientTokenId() =>
        new("InvalidClientTokenId", InvalidClientTokenIdMessage, 403);

    public static AwsError SignatureDoesNotMatch() =>
        new("SignatureDoesNotMatch", SignatureDoesNotMatchMessage, 403);

    public static AwsError SignatureDoesNotMatch(string message) =>
        new("SignatureDoesNotMatch", message, 403);

    public static AwsError ExpiredToken() =>
        new("ExpiredToken", ExpiredTokenMessage, 403);

    public static AwsError IncompleteSignature(string message) =>
        new("IncompleteSignature", message, 400);

    /// <summary>A presigned URL used after <c>X-Amz-Date + X-Amz-Expires</c>. [UNCERTAIN exact text]</summary>
    public static AwsError RequestExpired(string message) =>
        new("RequestExpired", message, 400);

    public static AwsError CredentialScopeDateMismatch(string scopeDate, string requestDate, string amzDate) =>
        SignatureDoesNotMatch(
            $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scopeDate}' != '{requestDate}', from '{amzDate}'.");

    public static AwsError WrongService(string expectedService) =>
        SignatureDoesNotMatch($"Credential should be scoped to correct service: '{expectedService}'. ");

    public static AwsError WrongTerminator(string terminator) =>
        SignatureDoesNotMatch($"Credential should be scoped with a valid terminator: 'aws4_request', not '{terminator}'. ");

    public static AwsError InvalidRegion(string region) =>
        SignatureDoesNotMatch($"Credential should be scoped to a valid region, not '{region}'. ");

    public static AwsError SignatureExpired(string requestTime, string floor, string now) =>
        SignatureDoesNotMatch($"Signature expired: {requestTime} is now earlier than {floor} ({now} - 15 min.)");

    public static AwsError SignatureNotYetCurrent(string requestTime, string ceiling, string now) =>
        SignatureDoesNotMatch($"Signature not yet current: {requestTime} is still later than {ceiling} ({now} + 15 min.)");
}
