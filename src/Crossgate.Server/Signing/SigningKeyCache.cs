using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Server.Signing;

/// <summary>
/// Derives <c>kSigning = HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request")</c>
/// and caches it per access key, date, region and service: four HMACs saved on every repeat request.
/// A cached key is only reused when the secret still matches: the very string it was derived from (the resolver
/// keeps one credential object per key), else compared by fingerprint, in constant time.
/// </summary>
public sealed class SigningKeyCache
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string AccessKeyId, string Date, string Region, string Service), Entry> _entries = new();

    private sealed record Entry(string Secret, byte[] SecretFingerprint, byte[] SigningKey);

    public byte[] Get(string accessKeyId, string secret, string date, string region, string service)
    {
        var cacheKey = (accessKeyId, date, region, service);
        var found = _entries.TryGetValue(cacheKey, out var entry);
        if (found && ReferenceEquals(entry!.Secret, secret))
        {
            return entry.SigningKey;
        }

        var fingerprint = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        if (found && CryptographicOperations.FixedTimeEquals(entry!.SecretFingerprint, fingerprint))
        {
            return entry.SigningKey;
        }

        var key = Derive(secret, date, region, service);
        // Bounded: dates roll over daily, so a full cache is simply dropped and rebuilt.
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[cacheKey] = new Entry(secret, fingerprint, key);
        return key;
    }

    public static byte[] Derive(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }

    public static string Sign(byte[] signingKey, string stringToSign) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
}
