using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Crossgate.Directory.Storage;

/// <summary>How entities are written into the stores' JSON columns: property names as declared, enums as text,
/// nulls left out (see <see cref="DirectoryJsonContext"/>).</summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options => DirectoryJsonContext.Default.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, TypeInfo<T>());

    /// <summary>The same JSON as <see cref="Serialize{T}"/>, as UTF-8 bytes (no string in between).</summary>
    public static byte[] SerializeToUtf8Bytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, TypeInfo<T>()) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>()) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        DirectoryJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new NotSupportedException($"{typeof(T).Name} is not a stored type; list it in {nameof(DirectoryJsonContext)}.");
}
