namespace Crossgate.Directory.Model;

/// <summary>An SCP or RCP. AWS managed ones (<c>p-FullAWSAccess</c>, <c>p-RCPFullAWSAccess</c>) are attached to every
/// root, OU and account by default. Attachments are recorded on the targets.</summary>
public sealed record OrganizationPolicy
{
    public const string FullAwsAccessId = "p-FullAWSAccess";
    public const string RcpFullAwsAccessId = "p-RCPFullAWSAccess";

    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required OrganizationPolicyType Type { get; init; }

    public bool AwsManaged { get; init; }

    /// <summary>The policy document, JSON text.</summary>
    public required string Content { get; init; }

    public required string Arn { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
