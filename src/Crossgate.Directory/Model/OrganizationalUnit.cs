namespace Crossgate.Directory.Model;

/// <summary>An organizational unit (<c>ou-xxxx-xxxxxxxx</c>), child of the root or of another OU.</summary>
public sealed record OrganizationalUnit
{
    public required string Id { get; init; }

    public required string OrganizationId { get; init; }

    public required string Arn { get; init; }

    public required string Name { get; init; }

    /// <summary>The root or OU this unit sits in.</summary>
    public required string ParentId { get; init; }

    public IReadOnlyList<string> AttachedPolicyIds { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
