namespace Crossgate.Directory.Storage;

public enum ConflictReason
{
    /// <summary>An insert found the key or the unique id already taken.</summary>
    AlreadyExists,

    /// <summary>An update, delete or touch found no row, or a row at another version.</summary>
    VersionMismatch,
}

/// <summary>The outcome of a commit: success, or the first change that conflicted (nothing was written).</summary>
public sealed record CommitResult(bool Success, Change? Conflict, ConflictReason? Reason)
{
    public static CommitResult Ok { get; } = new(true, null, null);

    public static CommitResult Conflicted(Change change, ConflictReason reason) => new(false, change, reason);

    public override string ToString() =>
        Success ? "Committed" : $"{Reason} on {Conflict!.EntityKind.Table} {Conflict.Scope}/{Conflict.Key}";
}
