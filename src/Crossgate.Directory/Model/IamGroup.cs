using System.Text.Json.Serialization;

namespace Crossgate.Directory.Model;

/// <summary>An IAM group. Members are recorded on the users (<see cref="IamUser.Groups"/>).</summary>
public sealed record IamGroup
{
    public required string AccountId { get; init; }

    public required string GroupName { get; init; }

    public string Path { get; init; } = "/";

    /// <summary><c>AGPA…</c>.</summary>
    public required string GroupId { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    public IReadOnlyList<InlinePolicy> InlinePolicies { get; init; } = [];

    public IReadOnlyList<AttachedPolicy> AttachedPolicies { get; init; } = [];

    [JsonIgnore]
    public string Arn => IamArns.Group(AccountId, Path, GroupName);
}
