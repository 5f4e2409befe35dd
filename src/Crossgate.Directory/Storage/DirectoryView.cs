using System.Collections.Concurrent;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>
/// An in-memory view of a store for the request path: entities read by key or unique id (misses included) and
/// values derived from them (a caller's compiled policies, a role's trust side) are kept until the store reports
/// a change (<see cref="IDirectoryChangeFeed"/>), so a signed request reads nothing from disk once its caller has
/// been seen. Writes go straight to the store, whose write path empties the view before the commit returns.
/// </summary>
/// <remarks>Every entry is stamped with the generation current when its read began; a change bumps the generation,
/// so a read that raced with a write is never served afterwards. Over a store that reports no changes the view
/// keeps nothing and reads through. Lists and the audit trail always read through.</remarks>
public sealed class DirectoryView : IDirectoryStore
{
    /// <summary>Past this many entries of one kind the view starts again (unknown key ids, one-off sessions).</summary>
    public const int MaxEntries = 100_000;

    private readonly IDirectoryStore _store;
    private readonly IDirectoryChangeFeed? _feed;
    private readonly ConcurrentDictionary<(string Table, string Scope, string Key), Entry> _byKey = new();
    private readonly ConcurrentDictionary<(string Table, string UniqueId), Entry> _byUniqueId = new();
    private readonly ConcurrentDictionary<string, Entry> _derived = new(StringComparer.Ordinal);
    private long _generation;
    private long _storeReads;

    public DirectoryView(IDirectoryStore store)
    {
        _store = store;
        _feed = store as IDirectoryChangeFeed;
        if (_feed is not null)
        {
            _feed.Changed += Invalidate;
        }
    }

    public string Description => _store.Description;

    /// <summary>The store the view reads from and writes go to.</summary>
    public IDirectoryStore Store => _store;

    /// <summary>Bumped by every change the store reports.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>How many reads went to the store (misses), for tests and benchmarks.</summary>
    public long StoreReads => Interlocked.Read(ref _storeReads);

    public bool IsCaching => _feed is not null;

    public Task<Versioned<T>?> GetAsync<T>(EntityKind<T> kind, string scope, string key, CancellationToken cancellationToken = default)
        where T : class =>
        CachedAsync(_byKey, (kind.Table, scope, key), ct => _store.GetAsync(kind, scope, key, ct), cancellationToken);

    public Task<Versioned<T>?> FindByUniqueIdAsync<T>(EntityKind<T> kind, string uniqueId, CancellationToken cancellationToken = default)
        where T : class =>
        CachedAsync(_byUniqueId, (kind.Table, uniqueId), ct => _store.FindByUniqueIdAsync(kind, uniqueId, ct), cancellationToken);

    public Task<Page<Versioned<T>>> ListAsync<T>(EntityKind<T> kind, string scope, ListQuery query, CancellationToken cancellationToken = default)
        where T : class => _store.ListAsync(kind, scope, query, cancellationToken);

    public Task<IReadOnlyList<string>> ListScopesAsync(EntityKind kind, CancellationToken cancellationToken = default) =>
        _store.ListScopesAsync(kind, cancellationToken);

    public Task<CommitResult> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default) =>
        _store.CommitAsync(changes, cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        _store.QueryAuditAsync(query, cancellationToken);

    /// <summary>A value computed from the directory (e.g. a caller's gathered policies), kept under
    /// <paramref name="key"/> until the next change. <paramref name="build"/> must read through this view only.</summary>
    public Task<T> DerivedAsync<T>(string key, Func<CancellationToken, Task<T>> build, CancellationToken cancellationToken = default) =>
        CachedAsync(_derived, key, build, cancellationToken);

    /// <summary>Forgets everything; the store's change feed calls it.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _byKey.Clear();
        _byUniqueId.Clear();
        _derived.Clear();
    }

    /// <summary>Stops listening to the store; does not close it (the view does not own it).</summary>
    public ValueTask DisposeAsync()
    {
        if (_feed is not null)
        {
            _feed.Changed -= Invalidate;
        }

        return ValueTask.CompletedTask;
    }

    private async Task<T> CachedAsync<TKey, T>(ConcurrentDictionary<TKey, Entry> entries, TKey key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where TKey : notnull
    {
        var generation = Generation;
        if (_feed is not null && entries.TryGetValue(key, out var entry) && entry.Generation == generation)
        {
            return (T)entry.Value!;
        }

        Interlocked.Increment(ref _storeReads);
        var value = await read(cancellationToken).ConfigureAwait(false);
        if (_feed is not null)
        {
            if (entries.Count >= MaxEntries)
            {
                entries.Clear();
            }

            // Stamped with the generation seen before the read: if a change came meanwhile, it is never served.
            entries[key] = new Entry(generation, value);
        }

        return value;
    }

    private sealed record Entry(long Generation, object? Value);
}
