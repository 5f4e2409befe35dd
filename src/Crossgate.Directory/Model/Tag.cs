namespace Crossgate.Directory.Model;

/// <summary>An IAM or Organizations tag. Keys are unique per entity, compared case-insensitively.</summary>
public sealed record Tag(string Key, string Value);
