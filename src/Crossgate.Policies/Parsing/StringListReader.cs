using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>The "one string or an array of strings" shape shared by Action, Resource and principal lists.
/// <see cref="Items"/> is indexed like the JSON array; an item of the wrong type was reported and is null.</summary>
internal readonly struct StringList
{
    public StringList(string?[] items, int count, bool isArray)
    {
        Items = items;
        Count = count;
        IsArray = isArray;
    }

    public string?[] Items { get; }

    /// <summary>How many items are strings.</summary>
    public int Count { get; }

    /// <summary>False when the element was a single string (its location is the element's own).</summary>
    public bool IsArray { get; }

    public bool IsEmpty => Count == 0;

    /// <summary>The strings, sharing the array; only valid when every item was a string.</summary>
    public ImmutableArray<string> ToImmutableArray() =>
        Count == Items.Length ? ImmutableCollectionsMarshal.AsImmutableArray<string>(Items!) : throw new InvalidOperationException("list has faults");
}

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
