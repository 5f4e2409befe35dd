namespace Crossgate.Directory.Storage;

/// <summary>A store that says when its entities change, so that readers may keep a view of it in memory (see
/// <see cref="DirectoryView"/>). Writes through the same store object are told before <c>CommitAsync</c> returns;
/// writes by other processes sharing the store are told as soon as the store learns of them (PostgreSQL
/// notifications, a change counter polled on SQLite).</summary>
public interface IDirectoryChangeFeed
{
    /// <summary>Raised after entities changed (audit-only commits do not count), or when changes may have been
    /// missed (a lost notification connection). Handlers must be quick and must not throw.</summary>
    event Action? Changed;
}
