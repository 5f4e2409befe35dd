using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crossgate.Platform.Templates;

/// <summary>Writes a JSON tree as block-style YAML that any YAML 1.1 or 1.2 reader turns back into the same tree.
/// Strings stay plain only when no reader could take them for anything else (numbers, booleans, dates, nulls,
/// indicators); the rest are single-quoted, or double-quoted when they hold control characters.</summary>
public static class YamlWriter
{
    private const int IndentStep = 2;

    // Words YAML 1.1 readers (PyYAML, cfn-lint) turn into booleans or null.
    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~",
    };

    public static string Write(JsonNode? root)
    {
        var builder = new StringBuilder();
        switch (root)
        {
            case JsonObject obj when obj.Count > 0:
                WriteMapping(builder, obj, 0, firstLineStarted: false);
                break;
            case JsonArray array when array.Count > 0:
                WriteSequence(builder, array, 0);
                break;
            default:
                builder.Append(Scalar(root)).Append('\n');
                break;
        }

        return builder.ToString();
    }

    private static void WriteMapping(StringBuilder builder, JsonObject obj, int indent, bool firstLineStarted)
    {
        var first = true;
        foreach (var (key, value) in obj)
        {
            if (!(first && firstLineStarted))
            {
                builder.Append(' ', indent);
            }

            first = false;
            builder.Append(Quote(key)).Append(':');
            WriteValue(builder, value, indent);
        }
    }

    private static void WriteSequence(StringBuilder builder, JsonArray array, int indent)
    {
        foreach (var item in array)
        {
            builder.Append(' ', indent).Append('-');
            switch (item)
            {
                case JsonObject obj when obj.Count > 0:
                    // The first key shares the dash's line; the others align under it.
                    builder.Append(' ');
                    WriteMapping(builder, obj, indent + IndentStep, firstLineStarted: true);
                    break;
                case JsonArray inner when inner.Count > 0:
                    builder.Append('\n');
                    WriteSequence(builder, inner, indent + IndentStep);
                    break;
                default:
                    builder.Append(' ').Append(Scalar(item)).Append('\n');
                    break;
            }
        }
    }

    private static void WriteValue(StringBuilder builder, JsonNode? value, int indent)
    {
        switch (value)
        {
            case JsonObject obj when obj.Count > 0:
                builder.Append('\n');
                WriteMapping(builder, obj, indent + IndentStep, firstLineStarted: false);
                break;
            case JsonArray array when array.Count > 0:
                builder.Append('\n');
                WriteSequence(builder, array, indent + IndentStep);
                break;
            default:
                builder.Append(' ').Append(Scalar(value)).Append('\n');
                break;
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => Quote(value.GetValue<string>()),
        _ => node.ToJsonString(), // numbers and booleans read back the same in YAML
    };

    /// <summary>A string as a YAML scalar that reads back as exactly that string.</summary>
    public static string Quote(string text)
    {
        if (IsSafePlain(text))
        {
            return text;
        }

        if (text.Any(char.IsControl))
        {
            // JSON's escapes are a subset of YAML's double-quoted escapes.
            return JsonString(text);
        }

        return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static string JsonString(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Plain only when it starts with a letter (no indicator, number, date or sign), uses no character with a
    // meaning in YAML, does not end with ':' and is not a boolean/null word.
    private static bool IsSafePlain(string text)
    {
        if (text.Length == 0 || !char.IsAsciiLetter(text[0]) || text[^1] == ':' || ReservedWords.Contains(text))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '/' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
