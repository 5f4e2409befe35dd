using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>Writes applied atomically by <see cref="IDirectoryStore.CommitAsync"/>: all of them, or none when one
/// conflicts. Audit events appended here are written in the same transaction.</summary>
public sealed class ChangeSet
{
    private readonly List<Change> _changes = [];
    private readonly List<AuditEvent> _audit = [];

    public IReadOnlyList<Change> Changes => _changes;

    public IReadOnlyList<AuditEvent> AuditEvents => _audit;

    public bool IsEmpty => _changes.Count == 0 && _audit.Count == 0;

    public ChangeSet Insert<T>(EntityKind<T> kind, T entity)
        where T : class => Add(ChangeKind.Insert, kind, entity, 0);

    public ChangeSet Update<T>(EntityKind<T> kind, T entity, long expectedVersion)
        where T : class => Add(ChangeKind.Update, kind, entity, expectedVersion);

    public ChangeSet Upsert<T>(EntityKind<T> kind, T entity)
        where T : class => Add(ChangeKind.Upsert, kind, entity, 0);

    public ChangeSet Delete<T>(EntityKind<T> kind, string scope, string key, long expectedVersion)
        where T : class
    {
        _changes.Add(new Change(ChangeKind.Delete, kind, scope, key, expectedVersion, null, null, null, null));
        return this;
    }

    public ChangeSet Delete<T>(EntityKind<T> kind, T entity, long expectedVersion)
        where T : class => Delete(kind, kind.ScopeOf(entity), kind.KeyOf(entity), expectedVersion);

    public ChangeSet Touch<T>(EntityKind<T> kind, string scope, string key, long expectedVersion)
        where T : class
    {
        _changes.Add(new Change(ChangeKind.Touch, kind, scope, key, expectedVersion, null, null, null, null));
        return this;
    }

    public ChangeSet Append(AuditEvent auditEvent)
    {
        _audit.Add(auditEvent);
        return this;
    }

    private ChangeSet Add<T>(ChangeKind change, EntityKind<T> kind, T entity, long expectedVersion)
        where T : class
    {
        _changes.Add(new Change(
            change, kind, kind.ScopeOf(entity), kind.KeyOf(entity), expectedVersion,
            DirectoryJson.Serialize(entity), kind.UniqueIdOf(entity), kind.OwnerOf(entity), kind.PathOf(entity)));
        return this;
    }
}
