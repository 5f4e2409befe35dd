namespace Crossgate.Platform.Aws;

/// <summary>An AWS error response: its code (<c>AccessDenied</c>, <c>NoSuchEntity</c>, …), message and HTTP status.</summary>
public sealed class AwsCallException(string code, string message, int statusCode)
    : Exception($"{code}: {message}")
{
    public string Code { get; } = code;

    public string AwsMessage { get; } = message;

    public int StatusCode { get; } = statusCode;
}
