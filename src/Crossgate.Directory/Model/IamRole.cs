using System.Text.Json.Serialization;

namespace Crossgate.Directory.Model;

/// <summary>An IAM role: its trust policy (the resource policy of <c>sts:AssumeRole</c>), permissions, boundary,
/// session duration limit and tags.</summary>
public sealed record IamRole
{
    public const int MinSessionDuration = 3600;
    public const int MaxSessionDurationLimit = 43200;

    public required string AccountId { get; init; }

    public required string RoleName { get; init; }

    public string Path { get; init; } = "/";

    /// <summary><c>AROA…</c>.</summary>
    public required string RoleId { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    /// <summary>The trust policy, decoded JSON text.</summary>
    public required string AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    /// <summary>Seconds, 3,600–43,200.</summary>
    public int MaxSessionDuration { get; init; } = MinSessionDuration;

    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];

    public string? PermissionsBoundaryArn { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    public IReadOnlyList<InstanceProfile> InstanceProfiles { get; init; } = [];

    public DateTimeOffset? LastUsedDate { get; init; }

    public string? LastUsedRegion { get; init; }

    [JsonIgnore]
    public string Arn => IamArns.Role(AccountId, Path, RoleName);

    /// <summary>Service-linked roles live under <c>/aws-service-role/</c>; SCPs and RCPs do not restrict them.</summary>
    [JsonIgnore]
    public bool IsServiceLinked => Path.StartsWith("/aws-service-role/", StringComparison.Ordinal);
}
