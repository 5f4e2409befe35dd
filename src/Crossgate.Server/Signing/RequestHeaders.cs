namespace Crossgate.Server.Signing;

/// <summary>Request headers by case-insensitive name, keeping repeated headers in arrival order.</summary>
public sealed class RequestHeaders
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase);

    public RequestHeaders Add(string name, string value)
    {
        if (!_values.TryGetValue(name, out var list))
        {
            list = new List<string>(1);
            _values[name] = list;
        }
        list.Add(value);
        return this;
    }

    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The first value of the header, or null when absent.</summary>
    public string? First(string name) => _values.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;

    public IReadOnlyList<string> All(string name) =>
        _values.TryGetValue(name, out var list) ? list : Array.Empty<string>();

    public static RequestHeaders From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var headers = new RequestHeaders();
        foreach (var (name, value) in pairs) headers.Add(name, value);
        return headers;
    }
}
