namespace Crossgate.Directory.Model;

/// <summary>A virtual MFA device: its ARN-shaped serial number and the TOTP seed (Base32) it was created with.</summary>
public sealed record VirtualMfaDevice
{
    public required string AccountId { get; init; }

    /// <summary><c>arn:aws:iam::ACCOUNT:mfa/PATH/NAME</c>.</summary>
    public required string SerialNumber { get; init; }

    public required string Base32Seed { get; init; }

    /// <summary>The user the device is enabled for, if any.</summary>
    public string? UserName { get; init; }

    public DateTimeOffset? EnableDate { get; init; }

    /// <summary>The TOTP step of the last code accepted: a code of that step or an earlier one is refused, so one code
    /// cannot be used twice within its window.</summary>
    public long? LastUsedStep { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
