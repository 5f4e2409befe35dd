namespace Crossgate.Directory.Storage;

/// <summary>A stored entity and its row version (1 on insert, +1 on every change); writes that name an expected
/// version fail when someone else changed the row first.</summary>
public sealed record Versioned<T>(T Value, long Version)
    where T : class;
