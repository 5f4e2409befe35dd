using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Platform.ServiceStore;

/// <summary>Makes API token secrets and the hashes stored in their place. A secret is 32 random bytes, so a plain
/// SHA-256 (no salt, no stretching) cannot be reversed and lets a presented token be found by its hash.</summary>
public static class TokenSecrets
{
    public const string Prefix = "cgt_";

    public static string NewSecret() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
