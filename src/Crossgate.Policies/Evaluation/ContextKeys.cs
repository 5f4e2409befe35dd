namespace Crossgate.Policies.Evaluation;

/// <summary>The request context's condition keys. Key names compare case-insensitively, as AWS compares them
/// (including the tag-key part of <c>aws:PrincipalTag/</c>, <c>aws:ResourceTag/</c> and <c>aws:RequestTag/</c>).
/// Keys may be layered over a shared, never-changed set (one caller's keys, derived once): a request then holds only
/// its own keys, and its own win over the shared ones.</summary>
public sealed class ContextKeys
{
    private readonly Dictionary<string, ContextValue> _values;

    // Read, never written, through this instance; Remove and Clear copy or drop it first.
    private ContextKeys? _shared;

    public ContextKeys()
        : this(0)
    {
    }

    public ContextKeys(int capacity)
    {
        _values = new Dictionary<string, ContextValue>(capacity, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Keys over <paramref name="shared"/>, with room for <paramref name="capacity"/> of their own.
    /// <paramref name="shared"/> must not change afterwards.</summary>
    public ContextKeys(ContextKeys shared, int capacity)
        : this(capacity)
    {
        ArgumentNullException.ThrowIfNull(shared);
        _shared = shared;
    }

    public int Count
    {
        get
        {
            if (_shared is null)
            {
                return _values.Count;
            }

            var count = _values.Count;
            foreach (var (key, _) in _shared.All)
            {
                count += _values.ContainsKey(key) ? 0 : 1;
            }

            return count;
        }
    }

    public IEnumerable<KeyValuePair<string, ContextValue>> All => _shared is null ? _values : Layered();

    public void Set(string key, string value) => _values[key] = ContextValue.Single(value);

    public void SetMulti(string key, params string[] values) => _values[key] = ContextValue.Multi(values);

    public void Set(string key, ContextValue value) => _values[key] = value;

    /// <summary>Sets the key only if the caller has not already set it.</summary>
    public bool TryAdd(string key, ContextValue value) => !Contains(key) && _values.TryAdd(key, value);

    public bool Remove(string key)
    {
        Flatten();
        return _values.Remove(key);
    }

    public bool Contains(string key) => _values.ContainsKey(key) || _shared?.Contains(key) == true;

    public bool TryGet(string key, out ContextValue value)
    {
        if (_values.TryGetValue(key, out value))
        {
            return true;
        }

        if (_shared is not null)
        {
            return _shared.TryGet(key, out value);
        }

        value = default;
        return false;
    }

    /// <summary>Looks a key up by a span (e.g. a slice of a policy variable) without allocating.</summary>
    public bool TryGet(ReadOnlySpan<char> key, out ContextValue value)
    {
        if (_values.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out value))
        {
            return true;
        }

        if (_shared is not null)
        {
            return _shared.TryGet(key, out value);
        }

        value = default;
        return false;
    }

    public void Clear()
    {
        _values.Clear();
        _shared = null;
    }

    private IEnumerable<KeyValuePair<string, ContextValue>> Layered()
    {
        foreach (var pair in _values)
        {
            yield return pair;
        }

        foreach (var pair in _shared!.All)
        {
            if (!_values.ContainsKey(pair.Key))
            {
                yield return pair;
            }
        }
    }

    /// <summary>Takes the shared keys in as its own, so that removing one cannot touch the shared set.</summary>
    private void Flatten()
    {
        if (_shared is null)
        {
            return;
        }

        foreach (var (key, value) in _shared.All)
        {
            _values.TryAdd(key, value);
        }

        _shared = null;
    }
}
