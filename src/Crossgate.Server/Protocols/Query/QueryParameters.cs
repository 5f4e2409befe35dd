using System.Globalization;

namespace Crossgate.Server.Protocols.Query;

/// <summary>
/// The decoded parameters of a Query-protocol request, with helpers for its serialization of nested shapes:
/// lists <c>Name.member.N</c>, structures <c>Name.Field</c>, maps <c>Name.entry.N.key/value</c>.
/// </summary>
public sealed class QueryParameters
{
    private readonly Dictionary<string, string> _values;

    public QueryParameters(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        // First occurrence wins, as AWS's front end does with repeated names.
        foreach (var (key, value) in pairs) _values.TryAdd(key, value);
    }

    private QueryParameters(Dictionary<string, string> values) => _values = values;

    public static readonly QueryParameters Empty = new(Array.Empty<KeyValuePair<string, string>>());

    public int Count => _values.Count;

    /// <summary>These parameters without the given names.</summary>
    public QueryParameters Without(IEnumerable<string> names)
    {
        if (!names.Any(_values.ContainsKey)) return this;
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        foreach (var name in names) copy.Remove(name);
        return new QueryParameters(copy);
    }

    public IEnumerable<string> Names => _values.Keys;

    public string? Get(string name) => _values.GetValueOrDefault(name);

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>An integer parameter; false when present but not an integer (the handler reports it).</summary>
    public bool TryGetInt(string name, out int? value)
    {
        value = null;
        if (Get(name) is not { } raw) return true;
        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A boolean parameter, <c>true</c>/<c>false</c> in any case; false when present but neither.</summary>
    public bool TryGetBool(string name, out bool? value)
    {
        value = null;
        if (Get(name) is not { } raw) return true;
        if (!bool.TryParse(raw, out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>The structure under <c>prefix.</c>, with the prefix removed from its member names.</summary>
    public QueryParameters Struct(string prefix)
    {
        var dotted = prefix + ".";
        var sub = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(dotted, StringComparison.Ordinal)) sub[key[dotted.Length..]] = value;
        }
        return new QueryParameters(sub);
    }

    /// <summary>A list of scalars <c>Name.member.1</c>, <c>Name.member.2</c>, … in index order.</summary>
    public IReadOnlyList<string> List(string name)
    {
        var items = new SortedDictionary<int, string>();
        var prefix = name + ".member.";
        foreach (var (key, value) in _values)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && TryIndex(key.AsSpan(prefix.Length), out var index))
            {
                items[index] = value;
            }
        }
        return items.Values.ToList();
    }

    /// <summary>A list of structures <c>Name.member.N.Field</c>, each as its own parameters, in index order.</summary>
    public IReadOnlyList<QueryParameters> StructList(string name)
    {
        var items = new SortedDictionary<int, Dictionary<string, string>>();
        var prefix = name + ".member.";
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !TryIndex(rest[..dot], out var index)) continue;
            if (!items.TryGetValue(index, out var fields)) items[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            fields[rest[(dot + 1)..].ToString()] = value;
        }
        return items.Values.Select(f => new QueryParameters(f)).ToList();
    }

    /// <summary>A map <c>Name.entry.N.key</c> / <c>Name.entry.N.value</c>.</summary>
    public IReadOnlyDictionary<string, string> Map(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new SortedDictionary<int, Dictionary<string, string>>();
        var prefix = name + ".entry.";
        foreach (var (key, value) in _values)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = key.AsSpan(prefix.Length);
            var dot = rest.IndexOf('.');
            if (dot <= 0 || !TryIndex(rest[..dot], out var index)) continue;
            if (!entries.TryGetValue(index, out var entry)) entries[index] = entry = new Dictionary<string, string>();
            entry[rest[(dot + 1)..].ToString()] = value;
        }
        foreach (var entry in entries.Values)
        {
            if (entry.TryGetValue("key", out var k)) map[k] = entry.GetValueOrDefault("value", "");
        }
        return map;
    }

    private static bool TryIndex(ReadOnlySpan<char> text, out int index) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index >= 1;
}
