using System.Security.Cryptography;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Iam;

/// <summary>Console passwords are kept only as salted PBKDF2-SHA256 hashes.</summary>
public static class PasswordHasher
{
    public static LoginProfile Create(string password, bool passwordResetRequired, DateTimeOffset now, int iterations = 100_000)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, 32);
        return new LoginProfile
        {
            CreateDate = now,
            PasswordResetRequired = passwordResetRequired,
            PasswordHash = Convert.ToBase64String(hash),
            PasswordSalt = Convert.ToBase64String(salt),
            Iterations = iterations,
        };
    }

    public static bool Verify(LoginProfile profile, string password)
    {
        var expected = Convert.FromBase64String(profile.PasswordHash);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(profile.PasswordSalt), profile.Iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
