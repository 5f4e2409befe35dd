using System.Text.Json.Serialization;

namespace Crossgate.Directory.Model;

/// <summary>An IAM user with everything stored on it: inline and attached policies, group memberships (by group
/// name, as <c>get-account-authorization-details</c> lists them), boundary, tags, password and MFA serials.</summary>
public sealed record IamUser
{
    public required string AccountId { get; init; }

    public required string UserName { get; init; }

    public string Path { get; init; } = "/";

    /// <summary><c>AIDA…</c>.</summary>
    public required string UserId { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    public string? PermissionsBoundaryArn { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public LoginProfile? LoginProfile { get; init; }

    /// <summary>Serial numbers of the MFA devices enabled for this user.</summary>
    public IReadOnlyList<string> MfaSerials { get; init; } = [];

    public DateTimeOffset? PasswordLastUsed { get; init; }

    [JsonIgnore]
    public string Arn => IamArns.User(AccountId, Path, UserName);
}
