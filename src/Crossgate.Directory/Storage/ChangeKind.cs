namespace Crossgate.Directory.Storage;

public enum ChangeKind
{
    /// <summary>Create; fails if the key or unique id is taken.</summary>
    Insert,

    /// <summary>Replace the row at the expected version.</summary>
    Update,

    /// <summary>Create or replace, whatever the version (imports).</summary>
    Upsert,

    /// <summary>Remove the row at the expected version.</summary>
    Delete,

    /// <summary>Bump the row's version without changing it: makes concurrent writers that read the same row
    /// conflict (e.g. two CreateAccessKey calls for one user).</summary>
    Touch,
}
