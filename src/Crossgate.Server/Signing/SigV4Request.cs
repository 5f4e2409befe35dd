namespace Crossgate.Server.Signing;

/// <summary>
/// The parts of an HTTP request that SigV4 covers, exactly as received (raw path and query, header values
/// untouched, body bytes). Pure data so that verification is testable without a server.
/// </summary>
public sealed class SigV4Request
{
    public required string Method { get; init; }

    /// <summary>The request path as it appeared on the wire (still percent-encoded), without the query.</summary>
    public required string RawPath { get; init; }

    /// <summary>The raw query string without the leading '?', possibly empty.</summary>
    public string RawQuery { get; init; } = "";

    public required RequestHeaders Headers { get; init; }

    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Splits a raw request target (<c>/path?query</c>) into path and query.</summary>
    public static (string Path, string Query) SplitTarget(string rawTarget)
    {
        var q = rawTarget.IndexOf('?');
        return q < 0 ? (rawTarget, "") : (rawTarget[..q], rawTarget[(q + 1)..]);
    }
}
