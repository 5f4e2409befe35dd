using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>The durable state of the directory. Every write goes through <see cref="CommitAsync"/>, which applies a
/// change set in one transaction with optimistic concurrency on row versions; several processes may share one
/// store and stay consistent without in-process locks.</summary>
public interface IDirectoryStore : IAsyncDisposable
{
    /// <summary>"sqlite:PATH" or "postgres:HOST/DB", for messages.</summary>
    string Description { get; }

    Task<Versioned<T>?> GetAsync<T>(EntityKind<T> kind, string scope, string key, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Looks an entity up by its globally unique id (<c>AIDA…</c>, <c>AKIA…</c>, <c>ASIA…</c>).</summary>
    Task<Versioned<T>?> FindByUniqueIdAsync<T>(EntityKind<T> kind, string uniqueId, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Entities of one scope ordered by key, one page at a time.</summary>
    Task<Page<Versioned<T>>> ListAsync<T>(EntityKind<T> kind, string scope, ListQuery query, CancellationToken cancellationToken = default)
        where T : class;

    /// <summary>Every entity of a kind in every scope, ordered by scope then key: one query where the store can make
    /// it one (whole-store analyses read tens of thousands of entities).</summary>
    async Task<IReadOnlyList<Versioned<T>>> ListEverywhereAsync<T>(EntityKind<T> kind, CancellationToken cancellationToken = default)
        where T : class
    {
        var all = new List<Versioned<T>>();
        foreach (var scope in await ListScopesAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            all.AddRange((await ListAsync(kind, scope, ListQuery.All, cancellationToken).ConfigureAwait(false)).Items);
        }

        return all;
    }

    /// <summary>The distinct scopes (accounts, organizations) that hold entities of a kind.</summary>
    Task<IReadOnlyList<string>> ListScopesAsync(EntityKind kind, CancellationToken cancellationToken = default);

    /// <summary>Applies every change and appends every audit event atomically, or nothing.</summary>
    Task<CommitResult> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default);

    /// <summary>Audit events matching the query, newest first, with their sequence numbers.</summary>
    Task<IReadOnlyList<AuditEvent>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
