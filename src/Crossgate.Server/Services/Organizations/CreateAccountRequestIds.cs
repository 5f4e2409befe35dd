using System.Security.Cryptography;

namespace Crossgate.Server.Services.Organizations;

/// <summary><c>car-</c> ids (botocore: <c>^car-[a-z0-9]{8,32}$</c>). The id carries the created account's number
/// followed by random characters, so that <c>DescribeCreateAccountStatus</c> needs no extra state and works on
/// every server sharing the store.</summary>
internal static class CreateAccountRequestIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string For(string accountId) => "car-" + accountId + RandomNumberGenerator.GetString(Alphabet, 20);

    public static bool IsWellFormed(string id) =>
        id.StartsWith("car-", StringComparison.Ordinal) && id.Length is >= 12 and <= 36 && id.AsSpan(4).IndexOfAnyExcept(Alphabet) < 0;

    /// <summary>The account the request created, or null when the id is not one of ours.</summary>
    public static string? AccountOf(string id) =>
        id.Length == 36 && id.AsSpan(4, 12).IndexOfAnyExceptInRange('0', '9') < 0 ? id.Substring(4, 12) : null;
}
