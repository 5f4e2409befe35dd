using System.Runtime.InteropServices;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Finds the members of a JSON object that repeat an earlier member's name and reports each one, as AWS
/// refuses them (System.Text.Json keeps duplicates silently). Readers then skip those members by position.</summary>
internal readonly struct DuplicateMembers
{
    // Objects up to this size are checked with hashes on the stack; larger ones fall back to a string set.
    private const int StackLimit = 64;

    // Bit i: member i repeats an earlier name (objects of up to 64 members).
    private readonly ulong _mask;

    // Larger objects, or ones whose names hold escapes, which must be compared unescaped.
    private readonly bool[]? _duplicates;

    private DuplicateMembers(ulong mask, bool[]? duplicates)
    {
        _mask = mask;
        _duplicates = duplicates;
    }

    /// <summary>True when the member at <paramref name="index"/> (in document order) is a repeat to be skipped.</summary>
    public bool IsDuplicate(int index) =>
        _duplicates is not null ? _duplicates[index] : index < StackLimit && (_mask & (1UL << index)) != 0;

    /// <summary>Reports every repeated member of <paramref name="obj"/> at its own location.</summary>
    public static DuplicateMembers Check(JsonElement obj, ref JsonLocation location, PolicyErrorList errors)
    {
        var count = obj.GetPropertyCount();
        if (count < 2)
        {
            return default;
        }

        if (count > StackLimit)
        {
            return CheckByName(obj, count, ref location, errors);
        }

        // Raw (still escaped) names compare equal exactly when the names do, unless one holds an escape.
        Span<int> hashes = stackalloc int[count];
        var i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.IndexOf((byte)'\\') >= 0)
            {
                return CheckByName(obj, count, ref location, errors);
            }

            hashes[i++] = Hash(raw);
        }

        ulong mask = 0;
        i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            for (var j = 0; j < i; j++)
            {
                if (hashes[j] == hashes[i] && (mask & (1UL << j)) == 0 && property.NameEquals(RawNameAt(obj, j)))
                {
                    mask |= 1UL << i;
                    Report(property, ref location, errors);
                    break;
                }
            }

            i++;
        }

        return new DuplicateMembers(mask, null);
    }

    private static DuplicateMembers CheckByName(JsonElement obj, int count, ref JsonLocation location, PolicyErrorList errors)
    {
        var duplicates = new bool[count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var property in obj.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                duplicates[i] = true;
                Report(property, ref location, errors);
            }

            i++;
        }

        return new DuplicateMembers(0, duplicates);
    }

    private static void Report(JsonProperty property, ref JsonLocation location, PolicyErrorList errors)
    {
        location.Push(property.Name);
        errors.Malformed(PolicyMessages.SyntaxErrors, location);
        location.Pop();
    }

    private static ReadOnlySpan<byte> RawNameAt(JsonElement obj, int index)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (index-- == 0)
            {
                return JsonMarshal.GetRawUtf8PropertyName(property);
            }
        }

        return ReadOnlySpan<byte>.Empty;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = new HashCode();
        hash.AddBytes(name);
        return hash.ToHashCode();
    }
}
