using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crossgate.Directory.Storage;

/// <summary>How entities are written into the stores' JSON columns: property names as declared, enums as text,
/// nulls left out.</summary>
public static class DirectoryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = false,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");
}
