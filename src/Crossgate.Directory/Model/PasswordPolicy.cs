namespace Crossgate.Directory.Model;

/// <summary>An account's password policy. When an account sets none, AWS's default applies: at least 8
/// characters and at least three of uppercase, lowercase, digits and symbols.</summary>
public sealed record PasswordPolicy
{
    public static PasswordPolicy AwsDefault { get; } = new() { MinimumPasswordLength = 8, MinimumCharacterClasses = 3 };

    public int MinimumPasswordLength { get; init; } = 8;

    public bool RequireUppercaseCharacters { get; init; }

    public bool RequireLowercaseCharacters { get; init; }

    public bool RequireNumbers { get; init; }

    public bool RequireSymbols { get; init; }

    /// <summary>How many of the four character classes a password must mix (AWS's default policy: 3; an account's
    /// custom policy: 0, relying on the Require* flags).</summary>
    public int MinimumCharacterClasses { get; init; }

    public bool AllowUsersToChangePassword { get; init; } = true;

    public int? MaxPasswordAge { get; init; }

    public int? PasswordReusePrevention { get; init; }
}
