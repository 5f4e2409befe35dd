namespace Crossgate.Directory.Storage;

/// <summary>One page of a listing. <see cref="Marker"/> is set when <see cref="IsTruncated"/>.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool IsTruncated, string? Marker);
