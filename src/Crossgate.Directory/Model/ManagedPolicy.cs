using System.Text.Json.Serialization;

namespace Crossgate.Directory.Model;

/// <summary>A customer managed policy (or, with <see cref="AccountId"/> <c>aws</c>, an AWS managed one): at most
/// five versions, exactly one of them the default.</summary>
public sealed record ManagedPolicy
{
    public const int MaxVersions = 5;
    public const string AwsAccount = "aws";

    public required string AccountId { get; init; }

    public required string PolicyName { get; init; }

    /// <summary><c>ANPA…</c>.</summary>
    public required string PolicyId { get; init; }

    public string Path { get; init; } = "/";

    public string? Description { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    public DateTimeOffset UpdateDate { get; init; }

    public bool IsAttachable { get; init; } = true;

    public required IReadOnlyList<PolicyVersion> Versions { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The highest version number ever issued; deleted version ids are not reused.</summary>
    public int LastVersionNumber { get; init; }

    [JsonIgnore]
    public string Arn => IamArns.Policy(AccountId, Path, PolicyName);

    [JsonIgnore]
    public PolicyVersion? DefaultVersion
    {
        get
        {
            foreach (var version in Versions)
            {
                if (version.IsDefaultVersion)
                {
                    return version;
                }
            }

            return null;
        }
    }

    [JsonIgnore]
    public string? DefaultVersionId => DefaultVersion?.VersionId;
}
