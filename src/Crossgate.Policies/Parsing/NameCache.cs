using System.Collections.Concurrent;
using System.Text;

namespace Crossgate.Policies.Parsing;

/// <summary>Names that recur across documents (condition operators and keys) with what was derived from them, so
/// reading one again allocates nothing and parses nothing. Bounded, so hostile input cannot grow it without end;
/// once full it simply stops remembering. Thread-safe.</summary>
internal sealed class NameCache<TValue>
{
    /// <summary>Longer names (in UTF-8 bytes) are not cached.</summary>
    public const int MaxNameLength = 64;

    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private int _count;

    public NameCache(int capacity)
    {
        _capacity = capacity;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cached name for <paramref name="utf8Name"/> (unescaped UTF-8) and its value, or a new name for the
    /// caller to derive a value for and <see cref="Add"/>.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8Name, out string name, out TValue value)
    {
        if (utf8Name.Length > MaxNameLength)
        {
            name = Encoding.UTF8.GetString(utf8Name);
            value = default!;
            return false;
        }

        Span<char> buffer = stackalloc char[MaxNameLength];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8Name, buffer)];
        if (_lookup.TryGetValue(chars, out name!, out value!))
        {
            return true;
        }

        name = new string(chars);
        value = default!;
        return false;
    }

    public void Add(string name, TValue value)
    {
        if (name.Length <= MaxNameLength && Volatile.Read(ref _count) < _capacity && _entries.TryAdd(name, value))
        {
            Interlocked.Increment(ref _count);
        }
    }
}
