namespace Crossgate.Server.Errors;

/// <summary>Common errors of the AWS Query services (IAM, STS) outside authentication (reference §3.5).</summary>
public static class QueryErrors
{
    public static AwsError MissingAction() =>
        new("MissingAction", "Missing Action", 400);

    public static AwsError InvalidAction(string action, string version) =>
        new("InvalidAction", $"Could not find operation {action} for version {version}", 400);

    public static AwsError MissingParameter(string name) =>
        new("MissingParameter", $"The request must contain the parameter {name}", 400);

    public static AwsError InvalidParameterValue(string message) =>
        new("InvalidParameterValue", message, 400);

    public static AwsError ValidationError(string message) =>
        new("ValidationError", message, 400);

    public static AwsError InternalFailure() =>
        new("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", 500);

    /// <summary>A request signed for a service this endpoint does not serve (Crossgate's own error: AWS has no
    /// endpoint that serves only some services).</summary>
    public static AwsError UnsupportedService(string service, IEnumerable<Protocols.AwsService> served) =>
        new("UnsupportedService",
            $"Crossgate does not serve the service '{service}'. This endpoint serves {string.Join(", ", served.Select(s => s.SigningName))} only.", 400);

    public static AwsError MalformedQueryString(string message) =>
        new("MalformedQueryString", message, 404);
}
