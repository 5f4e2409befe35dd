namespace Crossgate.Policies.Evaluation;

/// <summary>The request context's condition keys. Key names compare case-insensitively, as AWS compares them
/// (including the tag-key part of <c>aws:PrincipalTag/</c>, <c>aws:ResourceTag/</c> and <c>aws:RequestTag/</c>).</summary>
public sealed class ContextKeys
{
    private readonly Dictionary<string, ContextValue> _values;

    public ContextKeys()
        : this(0)
    {
    }

    public ContextKeys(int capacity)
    {
        _values = new Dictionary<string, ContextValue>(capacity, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>A copy of <paramref name="source"/> with room for <paramref name="more"/> keys: the keys of one
    /// caller, built once, then each request's own.</summary>
    public ContextKeys(ContextKeys source, int more)
    {
        ArgumentNullException.ThrowIfNull(source);
        _values = new Dictionary<string, ContextValue>(source._values.Count + more, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source._values)
        {
            _values.Add(key, value);
        }
    }

    public int Count => _values.Count;

    public IEnumerable<KeyValuePair<string, ContextValue>> All => _values;

    public void Set(string key, string value) => _values[key] = ContextValue.Single(value);

    public void SetMulti(string key, params string[] values) => _values[key] = ContextValue.Multi(values);

    public void Set(string key, ContextValue value) => _values[key] = value;

    /// <summary>Sets the key only if the caller has not already set it.</summary>
    public bool TryAdd(string key, ContextValue value) => _values.TryAdd(key, value);

    public bool Remove(string key) => _values.Remove(key);

    public bool Contains(string key) => _values.ContainsKey(key);

    public bool TryGet(string key, out ContextValue value) => _values.TryGetValue(key, out value);

    /// <summary>Looks a key up by a span (e.g. a slice of a policy variable) without allocating.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out ContextValue value) =>
        _values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value);

    public void Clear() => _values.Clear();
}
