namespace Crossgate.Directory.Model;

/// <summary>An instance profile a role belongs to, kept as export lists it so imports round-trip.</summary>
public sealed record InstanceProfile
{
    public required string InstanceProfileName { get; init; }

    public required string InstanceProfileId { get; init; }

    public string Path { get; init; } = "/";

    public required string Arn { get; init; }

    public DateTimeOffset CreateDate { get; init; }

    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
