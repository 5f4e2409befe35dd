using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads a <see cref="StringList"/>, reporting wrongly typed values as syntax errors.</summary>
internal static class StringListReader
{
    public static StringList Read(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return new StringList([value.GetString()!], 1, isArray: false);
            case JsonValueKind.Array:
                var length = value.GetArrayLength();
                if (length == 0)
                {
                    return new StringList([], 0, isArray: true);
                }

                var items = new string?[length];
                var count = 0;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String)
                    {
                        items[index] = item.GetString()!;
                        count++;
                    }
                    else
                    {
                        location.Push(index);
                        errors.Malformed(PolicyMessages.SyntaxErrors, location);
                        location.Pop();
                    }

                    index++;
                }

                return new StringList(items, count, isArray: true);
            default:
                errors.Malformed(PolicyMessages.SyntaxErrors, location);
                return new StringList([], 0, isArray: false);
        }
    }
}
