using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Crossgate.Server.Mfa;

/// <summary>Time-based one-time passwords as virtual MFA devices compute them (RFC 6238: HMAC-SHA1, 30-second
/// steps, six digits), from the device's base32 seed.</summary>
public static class Totp
{
    public const int StepSeconds = 30;

    /// <summary>The six-digit code for the step that holds <paramref name="time"/>.</summary>
    public static string Code(ReadOnlySpan<byte> seed, DateTimeOffset time) => CodeForStep(seed, StepOf(time));

    public static long StepOf(DateTimeOffset time) => time.ToUnixTimeSeconds() / StepSeconds;

    public static string CodeForStep(ReadOnlySpan<byte> seed, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(seed, counter, hash);
        var offset = hash[19] & 0x0f;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The step a code belongs to, looking one step either side for clock drift as AWS tolerates; null when
    /// the code matches none. Callers refuse a step already used, so a code works once.</summary>
    public static long? Verify(ReadOnlySpan<byte> seed, string code, DateTimeOffset now, int driftSteps = 1)
    {
        if (code.Length != 6)
        {
            return null;
        }

        var step = StepOf(now);
        for (var delta = -driftSteps; delta <= driftSteps; delta++)
        {
            if (CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.ASCII.GetBytes(CodeForStep(seed, step + delta)),
                    System.Text.Encoding.ASCII.GetBytes(code)))
            {
                return step + delta;
            }
        }

        return null;
    }
}
