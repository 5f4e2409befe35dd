namespace Crossgate.Directory.Model;

/// <summary>One version (<c>v1</c>, <c>v2</c>, …) of a managed policy; the document is decoded JSON text.</summary>
public sealed record PolicyVersion
{
    public required string VersionId { get; init; }

    public required string Document { get; init; }

    public bool IsDefaultVersion { get; init; }

    public DateTimeOffset CreateDate { get; init; }
}
