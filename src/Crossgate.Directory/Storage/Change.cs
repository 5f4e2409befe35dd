namespace Crossgate.Directory.Storage;

/// <summary>One write in a <see cref="ChangeSet"/>. <see cref="Document"/> is the serialized entity (null for
/// deletes and touches).</summary>
public sealed record Change(
    ChangeKind Kind,
    EntityKind EntityKind,
    string Scope,
    string Key,
    long ExpectedVersion,
    string? Document,
    string? UniqueId,
    string? Owner,
    string? Path);
