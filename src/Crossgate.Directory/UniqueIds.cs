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
