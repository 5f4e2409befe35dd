namespace Crossgate.Directory.Model;

/// <summary>A user's console password, kept only as a salted PBKDF2 hash.</summary>
public sealed record LoginProfile
{
    public DateTimeOffset CreateDate { get; init; }

    public bool PasswordResetRequired { get; init; }

    /// <summary>Base64 PBKDF2-SHA256 of the password.</summary>
    public required string PasswordHash { get; init; }

    public required string PasswordSalt { get; init; }

    public int Iterations { get; init; } = 100_000;
}
