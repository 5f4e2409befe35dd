using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Crossgate.Directory.Iam;

/// <summary>RFC 6238 time-based one-time passwords as virtual MFA apps compute them: HMAC-SHA1 over 30-second
/// steps, six digits, Base32 seeds.</summary>
public static class Totp
{
    public const int StepSeconds = 30;

    public static string Code(string base32Seed, DateTimeOffset time) => CodeAt(Base32Decode(base32Seed), time.ToUnixTimeSeconds() / StepSeconds);

    /// <summary>True when <paramref name="code"/> matches the step of <paramref name="time"/> or a neighbour (clock skew).</summary>
    public static bool Verify(string base32Seed, string code, DateTimeOffset time, int window = 1)
    {
        var key = Base32Decode(base32Seed);
        var step = time.ToUnixTimeSeconds() / StepSeconds;
        for (var offset = -window; offset <= window; offset++)
        {
            if (CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(CodeAt(key, step + offset)), System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The time step a code belongs to, within the window; null when it matches none.</summary>
    public static long? StepOf(string base32Seed, string code, DateTimeOffset time, int window = 1)
    {
        var key = Base32Decode(base32Seed);
        var step = time.ToUnixTimeSeconds() / StepSeconds;
        for (var offset = -window; offset <= window; offset++)
        {
            if (CodeAt(key, step + offset) == code)
            {
                return step + offset;
            }
        }

        return null;
    }

    public static string CodeAt(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static byte[] Base32Decode(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c));
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a Base32 character.");
            }

            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}
