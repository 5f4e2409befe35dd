using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads the "one string or an array of strings" shape shared by Action, Resource and principal lists.</summary>
internal static class StringListReader
{
    /// <summary>Returns the strings with the JSON path of each one; wrong types are reported as syntax errors.</summary>
    public static ImmutableArray<(string Value, string Path)> Read(JsonElement value, string path, PolicyErrorList errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return ImmutableArray.Create((value.GetString()!, path));
            case JsonValueKind.Array:
                var items = ImmutableArray.CreateBuilder<(string, string)>(value.GetArrayLength());
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    var itemPath = JsonPath.Index(path, index++);
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        items.Add((item.GetString()!, itemPath));
                    }
                    else
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, itemPath);
                    }
                }

                return items.ToImmutable();
            default:
                errors.Malformed(PolicyMessages.SyntaxErrors, path);
                return ImmutableArray<(string, string)>.Empty;
        }
    }
}
