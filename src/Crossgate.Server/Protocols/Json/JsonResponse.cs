using System.Text.Json;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Json;

/// <summary>A handler's answer: a writer for the whole JSON body, or an error.</summary>
public sealed class JsonResponse
{
    private JsonResponse(Action<Utf8JsonWriter>? writeBody, AwsError? error)
    {
        WriteBody = writeBody;
        Error = error;
    }

    /// <summary>Writes the complete body (start and end the object); null means <c>{}</c>.</summary>
    public Action<Utf8JsonWriter>? WriteBody { get; }

    public AwsError? Error { get; }

    public static JsonResponse Ok(Action<Utf8JsonWriter> writeBody) => new(writeBody, null);

    public static JsonResponse Empty() => new(null, null);

    public static JsonResponse Fail(AwsError error) => new(null, error);

    public static implicit operator JsonResponse(AwsError error) => Fail(error);
}
