using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Server.Signing;

/// <summary>
/// Builds the SigV4 canonical request exactly as botocore's signer does for non-S3 services:
/// <c>METHOD \n URI \n QUERY \n HEADERS \n\n SIGNED \n PAYLOAD-HASH</c>.
/// </summary>
public static class CanonicalRequest
{
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    public static string Build(SigV4Request request, SignatureClaim claim, string payloadHash)
    {
        var sb = new StringBuilder(256);
        sb.Append(request.Method.ToUpperInvariant()).Append('\n');
        sb.Append(CanonicalUri(request.RawPath)).Append('\n');
        sb.Append(CanonicalQuery(request.RawQuery, excludeSignature: claim.IsPresigned)).Append('\n');
        foreach (var name in claim.SignedHeaders)
        {
            sb.Append(name).Append(':').Append(CanonicalHeaderValue(request.Headers.All(name))).Append('\n');
        }
        sb.Append('\n');
        sb.Append(string.Join(';', claim.SignedHeaders)).Append('\n');
        sb.Append(payloadHash);
        return sb.ToString();
    }

    /// <summary>
    /// Dot segments removed, empty segments collapsed, then the (already encoded) path encoded once more,
    /// keeping '/': non-S3 services double-encode.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        if (rawPath.Length == 0) return "/";
        var output = new List<string>();
        foreach (var segment in rawPath.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                continue;
            }
            output.Add(segment);
        }
        var first = rawPath[0] == '/' ? "/" : "";
        var last = rawPath[^1] == '/' && output.Count > 0 ? "/" : "";
        return AwsUriEncoding.Encode(first + string.Join('/', output) + last, keepSlash: true);
    }

    /// <summary>Pairs decoded, re-encoded with SigV4's rules, sorted by key then value (ordinal).</summary>
    public static string CanonicalQuery(string rawQuery, bool excludeSignature)
    {
        if (rawQuery.Length == 0) return "";
        var encoded = new List<(string Key, string Value)>();
        foreach (var (key, value) in AwsUriEncoding.DecodePairs(rawQuery))
        {
            if (excludeSignature && key == "X-Amz-Signature") continue;
            encoded.Add((AwsUriEncoding.Encode(key), AwsUriEncoding.Encode(value)));
        }
        encoded.Sort(static (a, b) =>
        {
            var byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
        });
        var sb = new StringBuilder();
        for (var i = 0; i < encoded.Count; i++)
        {
            if (i > 0) sb.Append('&');
            sb.Append(encoded[i].Key).Append('=').Append(encoded[i].Value);
        }
        return sb.ToString();
    }

    /// <summary>Each value trimmed with inner whitespace runs collapsed to one space; repeats joined by ','.</summary>
    public static string CanonicalHeaderValue(IReadOnlyList<string> values)
    {
        // The usual header: one value, already trimmed, single spaces only.
        if (values.Count == 1 && IsCanonical(values[0])) return values[0];
        var sb = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) sb.Append(',');
            sb.AppendJoin(' ', values[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        return sb.ToString();
    }

    private static bool IsCanonical(string value)
    {
        if (value.Length == 0) return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        for (var i = 1; i < value.Length; i++)
        {
            if (char.IsWhiteSpace(value[i]) && (value[i] != ' ' || value[i - 1] == ' ')) return false;
        }

        return true;
    }

    public static string HexSha256(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }

    public static string HexSha256(string text) => HexSha256(Encoding.UTF8.GetBytes(text));
}
