using System.Text.Json;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Protocols.Json;

/// <summary>AWS JSON 1.1: <c>X-Amz-Target: Prefix.Operation</c>, JSON bodies, errors as <c>{"__type","Message"}</c>.</summary>
public static class JsonProtocol
{
    public const string ContentType = "application/x-amz-json-1.1";

    /// <summary>The operation named by <c>X-Amz-Target</c> for <paramref name="service"/>, or null.</summary>
    public static string? OperationOf(AwsService service, string? target)
    {
        if (target is null || service.TargetPrefix is null) return null;
        var prefix = service.TargetPrefix + ".";
        return target.StartsWith(prefix, StringComparison.Ordinal) && target.Length > prefix.Length
            ? target[prefix.Length..]
            : null;
    }

    /// <summary>The error body; the same code goes into the <c>x-amzn-ErrorType</c> header.</summary>
    public static byte[] Error(AwsError error)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("__type", JsonErrorCodes.For(error.Code));
            json.WriteString("Message", error.Message);
            if (error.Fields is not null)
            {
                foreach (var (name, value) in error.Fields) json.WriteString(name, value);
            }
            json.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static byte[] Success(Action<Utf8JsonWriter>? writeBody)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            if (writeBody is null)
            {
                json.WriteStartObject();
                json.WriteEndObject();
            }
            else
            {
                writeBody(json);
            }
        }
        return stream.ToArray();
    }

    /// <summary>JSON-protocol timestamps are epoch seconds (fractions allowed).</summary>
    public static void WriteTimestamp(Utf8JsonWriter json, string name, DateTimeOffset value) =>
        json.WriteNumber(name, value.ToUnixTimeMilliseconds() / 1000.0);
}
