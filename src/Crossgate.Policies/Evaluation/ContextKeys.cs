namespace Crossgate.Policies.Evaluation;

/// <summary>The request context's condition keys. Key names compare case-insensitively, as AWS compares them
/// (including the tag-key part of <c>aws:PrincipalTag/</c>, <c>aws:ResourceTag/</c> and <c>aws:RequestTag/</c>).
/// Keys may be layered over one or two shared, never-changed sets (one caller's keys, derived once; one resource
/// account's keys): a request then holds only its own keys; its own win over the shared ones, and the first shared
/// set over the second.</summary>
public sealed class ContextKeys
{
    private readonly Dictionary<string, ContextValue> _values;

    // Read, never written, through this instance; Remove and Clear copy or drop them first.
    private ContextKeys? _shared;
    private ContextKeys? _sharedBelow;

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

    /// <summary>Keys over <paramref name="shared"/> and, under it, <paramref name="sharedBelow"/>; neither may change
    /// afterwards.</summary>
    public ContextKeys(ContextKeys shared, ContextKeys sharedBelow, int capacity)
        : this(shared, capacity)
    {
        ArgumentNullException.ThrowIfNull(sharedBelow);
        _sharedBelow = sharedBelow;
    }

    public int Count
    {
        get
        {
            if (_shared is null)
            {
                return _values.Count;
            }

            var count = 0;
            foreach (var _ in Layered())
            {
                count++;
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

    public bool Contains(string key) =>
        _values.ContainsKey(key) || _shared?.Contains(key) == true || _sharedBelow?.Contains(key) == true;

    public bool TryGet(string key, out ContextValue value)
    {
        if (_values.TryGetValue(key, out value))
        {
            return true;
        }

        if (_shared is not null && _shared.TryGet(key, out value))
        {
            return true;
        }

        if (_sharedBelow is not null)
        {
            return _sharedBelow.TryGet(key, out value);
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

        if (_shared is not null && _shared.TryGet(key, out value))
        {
            return true;
        }

        if (_sharedBelow is not null)
        {
            return _sharedBelow.TryGet(key, out value);
        }

        value = default;
        return false;
    }

    public void Clear()
    {
        _values.Clear();
        _shared = null;
        _sharedBelow = null;
    }

    private IEnumerable<KeyValuePair<string, ContextValue>> Layered()
    {
        foreach (var pair in _values)
        {
            yield return pair;
        }

        if (_shared is not null)
        {
            foreach (var pair in _shared.All)
            {
                if (!_values.ContainsKey(pair.Key))
                {
                    yield return pair;
                }
            }
        }

        if (_sharedBelow is not null)
        {
            foreach (var pair in _sharedBelow.All)
            {
                if (!_values.ContainsKey(pair.Key) && _shared?.Contains(pair.Key) != true)
                {
                    yield return pair;
                }
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

        foreach (var (key, value) in new List<KeyValuePair<string, ContextValue>>(Layered()))
        {
            _values.TryAdd(key, value);
        }

        _shared = null;
        _sharedBelow = null;
    }
}
