using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace Crossgate.Web.Api;

/// <summary>Reads a request body strictly: JSON only, at most <see cref="MaxBytes"/>, every member known and every
/// required one present. Each failure is a problem (415, 413, 400) naming what to fix.</summary>
public static class JsonBody
{
    /// <summary>Far above any real request (a permission profile is at most a few tens of kilobytes).</summary>
    public const int MaxBytes = 1024 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type) where T : class
    {
        var (bytes, problem) = await ReadBytesAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            var value = JsonSerializer.Deserialize(bytes, type);
            return value is null ? (null, Problems.BadRequest("The request body is JSON null; send a JSON object.")) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest(Describe(ex, type)));
        }
    }

    /// <summary>The body as text, checked to be well-formed JSON (for documents stored as they are sent).</summary>
    public static async Task<(string? Text, IResult? Problem)> ReadDocumentAsync(HttpContext context)
    {
        var (bytes, problem) = await ReadBytesAsync(context).ConfigureAwait(false);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (Encoding.UTF8.GetString(bytes), null)
                : (null, Problems.BadRequest("The request body must be a JSON object (an IAM policy document)."));
        }
        catch (JsonException ex)
        {
            return (null, Problems.BadRequest($"The request body is not well-formed JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})."));
        }
    }

    private static async Task<(byte[] Bytes, IResult? Problem)> ReadBytesAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType is not { } contentType || !IsJson(contentType))
        {
            return ([], Problems.Of(StatusCodes.Status415UnsupportedMediaType,
                $"Send the body as JSON with 'Content-Type: application/json' (got '{Problems.Shorten(request.ContentType ?? "none")}')."));
        }

        if (request.ContentLength > MaxBytes)
        {
            return ([], TooLarge());
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(16 * 1024);
                var read = await request.Body.ReadAsync(memory, context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
                if (buffer.WrittenCount > MaxBytes)
                {
                    return ([], TooLarge());
                }
            }
        }
        catch (BadHttpRequestException ex)
        {
            return ([], Problems.Of(ex.StatusCode, $"The request body could not be read: {ex.Message}"));
        }

        return buffer.WrittenCount == 0
            ? ([], Problems.BadRequest("The request body is empty; send a JSON object."))
            : (buffer.WrittenSpan.ToArray(), null);
    }

    private static IResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {MaxBytes / 1024} KiB, the most this API reads.");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>System.Text.Json's message reworded for an API client: no .NET type names.</summary>
    private static string Describe(JsonException ex, JsonTypeInfo type)
    {
        var fields = string.Join(", ", type.Properties.Select(p => p.Name));
        var where = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "the body" : ex.Path;
        var message = ex.Message;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return $"Unknown field {where}. The fields this endpoint takes are: {fields}.";
        }

        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var missing = message[(message.IndexOf("including:", StringComparison.Ordinal) + "including:".Length)..].Trim().TrimEnd('.');
            return $"Missing required field(s): {missing}. The fields this endpoint takes are: {fields}.";
        }

        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("non-nullable", StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} must not be null.";
        }

        return ex.LineNumber is { } line
            ? $"The body is not the JSON this endpoint takes at {where} (line {line + 1}, byte {ex.BytePositionInLine + 1}): expected {Expectation(where, type)}. The fields are: {fields}."
            : $"The body is not the JSON this endpoint takes at {where}. The fields are: {fields}.";
    }

    private static string Expectation(string path, JsonTypeInfo type)
    {
        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..].Split('[', '.')[0] : null;
        var property = name is null ? null : type.Properties.FirstOrDefault(p => p.Name == name);
        return property?.PropertyType switch
        {
            null => "well-formed JSON (an object)",
            var t when t == typeof(bool) => $"'{name}' to be true or false",
            var t when t == typeof(string) => $"'{name}' to be a string",
            _ => $"'{name}' to be an array of strings",
        };
    }
}
