using System.Collections.Immutable;
using System.Runtime.InteropServices;

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
