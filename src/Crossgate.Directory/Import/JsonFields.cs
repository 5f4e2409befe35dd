using System.Globalization;
using System.Text.Json;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Import;

/// <summary>Reads fields of one JSON object and reports, by file and JSON path, what is missing or malformed.</summary>
internal readonly struct JsonFields(JsonElement element, string file, string path, ImportReport report)
{
    public JsonElement Element => element;

    public string Path => path;

    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    public string? OptionalString(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? RequiredString(string name)
    {
        var value = OptionalString(name);
        if (value is null)
        {
            report.Error(file, $"{path}.{name}", "missing or not a string");
        }

        return value;
    }

    public int? OptionalInt(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) ? n : null;

    public bool? OptionalBool(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    public DateTimeOffset Date(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return default;
        }

        if (value.ValueKind == JsonValueKind.String &&
            DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds))
        {
            // boto3's JSON dumps of datetimes sometimes end up as epoch seconds.
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        }

        report.Warning(file, $"{path}.{name}", "not a date; left empty");
        return default;
    }

    public DateTimeOffset? OptionalDate(string name) => element.TryGetProperty(name, out _) ? Date(name) : null;

    /// <summary>The objects of an array member; a missing member is an empty list, a non-array is reported.</summary>
    public IEnumerable<JsonFields> Objects(string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            report.Error(file, $"{path}.{name}", "expected an array");
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}.{name}[{i++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                report.Error(file, itemPath, "expected an object; skipped");
                continue;
            }

            yield return new JsonFields(item, file, itemPath, report);
        }
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!element.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>();
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                report.Error(file, $"{path}.{name}[{i}]", "expected a string; skipped");
            }

            i++;
        }

        return list;
    }

    public JsonFields? Object(string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? new JsonFields(value, file, $"{path}.{name}", report) : null;

    /// <summary>A policy document member, decoded; null (and reported) when absent or unreadable.</summary>
    public string? Document(string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            report.Error(file, $"{path}.{name}", "missing policy document");
            return null;
        }

        var text = PolicyDocumentText.Read(value, out var problem);
        if (text is null)
        {
            report.Error(file, $"{path}.{name}", problem!);
        }

        return text;
    }

    public IReadOnlyList<Tag> Tags(string name = "Tags") =>
        Objects(name).Select(t => new Tag(t.OptionalString("Key") ?? string.Empty, t.OptionalString("Value") ?? string.Empty)).ToList();
}
