using Microsoft.Extensions.Primitives;

namespace Crossgate.Server.Signing;

/// <summary>Request headers by case-insensitive name, keeping repeated headers in arrival order: either built up
/// with <see cref="Add"/>, or a read-only view of an HTTP server's own header collection (<see cref="Over"/>),
/// which the endpoint uses so that a request's headers are not copied before its signature is checked.</summary>
public sealed class RequestHeaders
{
    private readonly Dictionary<string, List<string>>? _values;
    private readonly IDictionary<string, StringValues>? _received;

    public RequestHeaders() => _values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

    private RequestHeaders(IDictionary<string, StringValues> received) => _received = received;

    /// <summary>A view of headers as received; <paramref name="received"/> must look names up case-insensitively
    /// and keep a repeated header's values in arrival order (as Kestrel's request headers do).</summary>
    public static RequestHeaders Over(IDictionary<string, StringValues> received) => new(received);

    public RequestHeaders Add(string name, string value)
    {
        if (_values is null)
        {
            throw new InvalidOperationException("Headers viewed over a request cannot be added to.");
        }

        if (!_values.TryGetValue(name, out var list))
        {
            list = new List<string>(1);
            _values[name] = list;
        }
        list.Add(value);
        return this;
    }

    public bool Contains(string name) =>
        _received is not null ? _received.TryGetValue(name, out var values) && values.Count > 0 : _values!.ContainsKey(name);

    /// <summary>The first value of the header, or null when absent.</summary>
    public string? First(string name)
    {
        if (_received is not null)
        {
            return _received.TryGetValue(name, out var values) && values.Count > 0 ? values[0] ?? string.Empty : null;
        }

        return _values!.TryGetValue(name, out var list) && list.Count > 0 ? list[0] : null;
    }

    public IReadOnlyList<string> All(string name)
    {
        if (_received is not null)
        {
            if (!_received.TryGetValue(name, out var values) || values.Count == 0)
            {
                return Array.Empty<string>();
            }

            var all = new string[values.Count];
            for (var i = 0; i < all.Length; i++) all[i] = values[i] ?? string.Empty;
            return all;
        }

        return _values!.TryGetValue(name, out var list) ? list : Array.Empty<string>();
    }

    public static RequestHeaders From(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var headers = new RequestHeaders();
        foreach (var (name, value) in pairs) headers.Add(name, value);
        return headers;
    }
}
