using System.Security.Cryptography;

namespace Crossgate.Directory;

/// <summary>Random identifiers in AWS's shapes: unique ids (4-character prefix + 17 upper-case alphanumerics),
/// access keys (prefix + 16), 40-character secrets, and Organizations ids.</summary>
public static class UniqueIds
{
    public const string UserPrefix = "AIDA";
    public const string RolePrefix = "AROA";
    public const string GroupPrefix = "AGPA";
    public const string PolicyPrefix = "ANPA";
    public const string PolicyVersionPrefix = "ANVA";
    public const string InstanceProfilePrefix = "AIPA";
    public const string AccessKeyPrefix = "AKIA";
    public const string TemporaryKeyPrefix = "ASIA";

    private const string UpperAlphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string LowerAlphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string SecretAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static string NewUserId() => UserPrefix + Random(UpperAlphanumerics, 17);

    public static string NewRoleId() => RolePrefix + Random(UpperAlphanumerics, 17);

    public static string NewGroupId() => GroupPrefix + Random(UpperAlphanumerics, 17);

    public static string NewPolicyId() => PolicyPrefix + Random(UpperAlphanumerics, 17);

    public static string NewInstanceProfileId() => InstanceProfilePrefix + Random(UpperAlphanumerics, 17);

    public static string NewAccessKeyId() => AccessKeyPrefix + Random(UpperAlphanumerics, 16);

    public static string NewTemporaryAccessKeyId() => TemporaryKeyPrefix + Random(UpperAlphanumerics, 16);

    /// <summary>An <c>ASIA…</c> key id that carries its account as AWS's do: the 16 characters after the prefix are
    /// the Base32 form of 10 bytes whose first 6, read big-endian and masked with <c>0x7FFFFFFFFF80</c>, are the
    /// account id shifted left by 7 bits. GetAccessKeyInfo reads the account back without a store.</summary>
    public static string NewTemporaryAccessKeyId(string accountId)
    {
        Span<byte> bytes = stackalloc byte[10];
        RandomNumberGenerator.Fill(bytes);
        var account = ulong.Parse(accountId, System.Globalization.CultureInfo.InvariantCulture);
        var high = ((ulong)bytes[0] << 40) & 0x8000_0000_0000UL;
        var packed = high | (account << 7) | (bytes[5] & 0x7FUL);
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(packed >> (8 * (5 - i)));
        }

        return TemporaryKeyPrefix + Base32(bytes);
    }

    /// <summary>The account an access key id carries (see <see cref="NewTemporaryAccessKeyId(string)"/>); false
    /// for ids that are not 20 characters of Base32 after a 4-letter prefix.</summary>
    public static bool TryAccountOfAccessKeyId(string accessKeyId, out string accountId)
    {
        accountId = string.Empty;
        if (accessKeyId.Length != 20)
        {
            return false;
        }

        ulong packed = 0;
        var bits = 0;
        var index = 0;
        Span<byte> bytes = stackalloc byte[10];
        foreach (var c in accessKeyId.AsSpan(4))
        {
            var value = UpperAlphanumerics.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            packed = (packed << 5) | (uint)value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes[index++] = (byte)(packed >> bits);
            }
        }

        ulong head = 0;
        for (var i = 0; i < 6; i++)
        {
            head = (head << 8) | bytes[i];
        }

        accountId = ((head & 0x7FFF_FFFF_FF80UL) >> 7).ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    private static string Base32(ReadOnlySpan<byte> bytes)
    {
        var text = new char[bytes.Length * 8 / 5];
        ulong buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text[index++] = UpperAlphanumerics[(int)((buffer >> bits) & 31)];
            }
        }

        return new string(text);
    }

    public static string NewSecretAccessKey() => Random(SecretAlphabet, 40);

    /// <summary>An opaque session token; AWS's are long base64 blobs.</summary>
    public static string NewSessionToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(192));

    /// <summary>A Base32 TOTP seed of 40 characters (25 bytes), as IAM's virtual MFA devices show it.</summary>
    public static string NewTotpSeed() => Random(UpperAlphanumerics, 40);

    public static string NewOrganizationId() => "o-" + Random(LowerAlphanumerics, 10);

    public static string NewRootId() => "r-" + Random(LowerAlphanumerics, 4);

    /// <summary><c>ou-</c> + the root's suffix + <c>-</c> + 8 characters, as Organizations forms them.</summary>
    public static string NewOrganizationalUnitId(string rootId) => $"ou-{rootId[2..]}-{Random(LowerAlphanumerics, 8)}";

    public static string NewOrganizationPolicyId() => "p-" + Random(LowerAlphanumerics, 8);

    public static string NewEventId() => Guid.NewGuid().ToString();

    private static string Random(string alphabet, int length) => RandomNumberGenerator.GetString(alphabet, length);
}
