using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crossgate.Directory.Iam;

/// <summary>CloudTrail's <c>requestParameters</c> of one call as the audit event stores it: the named values in
/// the order given, null ones left out, compact JSON with the serializer's default escaping.</summary>
internal static class RequestParametersJson
{
    public static string Write(JsonObject parameters)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                if (value is not null)
                {
                    json.WritePropertyName(name);
                    value.WriteTo(json);
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
