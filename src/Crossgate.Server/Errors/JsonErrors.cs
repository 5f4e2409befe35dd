namespace Crossgate.Server.Errors;

/// <summary>Front-door errors of JSON-protocol services that are not about authentication.</summary>
public static class JsonErrors
{
    public static AwsError UnknownOperation(string? target) =>
        new("UnknownOperationException", target is null ? "Missing X-Amz-Target header" : $"Unknown operation {target}", 400);

    public static AwsError SerializationException(string message) =>
        new("SerializationException", message, 400);
}
