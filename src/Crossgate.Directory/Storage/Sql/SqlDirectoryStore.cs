using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage.Sql;

/// <summary>The directory store over any ADO.NET database with a <see cref="SqlDialect"/>: one table per entity
/// kind, JSON documents, row versions checked inside the write transaction.</summary>
public abstract class SqlDirectoryStore : IDirectoryStore, IDirectoryChangeFeed
{
    private readonly CancellationTokenSource _stopWatching = new();
    private Action? _changed;
    private Task? _watcher;

    protected SqlDirectoryStore(SqlDialect dialect) => Dialect = dialect;

    /// <summary>The first subscriber starts watching for other processes' writes.</summary>
    public event Action? Changed
    {
        add
        {
            lock (_stopWatching)
            {
                _changed += value;
                _watcher ??= Task.Run(() => WatchForeignChangesAsync(RaiseChanged, _stopWatching.Token));
            }
        }

        remove
        {
            lock (_stopWatching)
            {
                _changed -= value;
            }
        }
    }

    public abstract string Description { get; }

    protected SqlDialect Dialect { get; }

    /// <summary>Seals the secret fields of the entity kinds that have them; null keeps them as they are (tests of the
    /// raw row format only).</summary>
    public SecretSealer? Sealer { get; protected init; }

    /// <summary>The entity in column 0 of the current row. A document without secrets to unseal is deserialized from
    /// the stored UTF-8 bytes where the database hands them out (SQLite), without a UTF-16 copy of every row: reading
    /// a whole organization's principals is mostly this.</summary>
    private T ReadDocument<T>(DbDataReader reader, EntityKind kind)
        where T : class
    {
        if (!Dialect.ReadsJsonAsUtf8 || (Sealer is not null && kind.SecretFields.Count > 0))
        {
            return DirectoryJson.Deserialize<T>(FromStored(kind, reader.GetString(0)));
        }

        // One copy of the stored bytes (half the size of a UTF-16 string), read in place.
        return DirectoryJson.Deserialize<T>(reader.GetFieldValue<byte[]>(0));
    }

    /// <summary>The document as stored: secret fields sealed.</summary>
    protected string ToStored(EntityKind kind, string document) => Transform(kind, document, seal: true);

    /// <summary>The document as the model reads it: secret fields unsealed.</summary>
    protected string FromStored(EntityKind kind, string document) => Transform(kind, document, seal: false);

    private string Transform(EntityKind kind, string document, bool seal)
    {
        if (Sealer is null || kind.SecretFields.Count == 0) return document;
        var node = JsonNode.Parse(document) as JsonObject;
        if (node is null) return document;
        var changed = false;
        foreach (var field in kind.SecretFields)
        {
            if (node[field] is JsonValue value && value.TryGetValue<string>(out var text) && SecretSealer.IsSealed(text) != seal)
            {
                node[field] = seal ? Sealer.Seal(text, kind.Table + "." + field) : Sealer.Unseal(text, kind.Table + "." + field);
                changed = true;
            }
        }

        return changed ? node.ToJsonString() : document;
    }

    /// <summary>Seals the secrets of rows written before sealing existed, keeping their versions; true when any was
    /// rewritten (the plaintext then lingers only in freed pages, which the caller scrubs).</summary>
    protected async Task<bool> SealExistingSecretsAsync(CancellationToken cancellationToken)
    {
        if (Sealer is null) return false;
        var rewritten = false;
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var kind in EntityKinds.All)
        {
            if (kind.SecretFields.Count == 0) continue;
            var pending = new List<(string Scope, string Key, string Doc)>();
            await using (var select = Command(connection, transaction, $"SELECT scope, entity_key, {Dialect.JsonColumn("doc")} FROM {kind.Table}"))
            await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var doc = reader.GetString(2);
                    var sealedDoc = ToStored(kind, doc);
                    if (!ReferenceEquals(doc, sealedDoc)) pending.Add((reader.GetString(0), reader.GetString(1), sealedDoc));
                }
            }

            foreach (var (scope, key, doc) in pending)
            {
                await using var update = Command(connection, transaction, $"UPDATE {kind.Table} SET doc = {Dialect.JsonParameter("@d")} WHERE scope = @s AND entity_key = @k");
                Add(update, "@d", doc);
                Add(update, "@s", scope);
                Add(update, "@k", key);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                rewritten = true;
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return rewritten;
    }

    /// <summary>An open connection ready for use (per-connection settings applied).</summary>
    protected abstract ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken);

    /// <summary>A transaction that writes; SQLite takes the write lock up front.</summary>
    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Calls <paramref name="changed"/> whenever another process may have changed entities, until
    /// cancelled; runs in the background once someone subscribes to <see cref="Changed"/>.</summary>
    protected abstract Task WatchForeignChangesAsync(Action changed, CancellationToken cancellationToken);

    /// <summary>Stops the watcher; derived stores call it first when disposed.</summary>
    protected async ValueTask StopWatchingAsync()
    {
        Task? watcher;
        lock (_stopWatching)
        {
            watcher = _watcher;
        }

        await _stopWatching.CancelAsync().ConfigureAwait(false);
        if (watcher is not null)
        {
            try
            {
                await watcher.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    protected void RaiseChanged() => Volatile.Read(ref _changed)?.Invoke();

    /// <summary>Applies every migration not yet recorded, each in its own transaction.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        if (Dialect.MigrationLock is { } lockStatement)
        {
            await ExecuteAsync(connection, transaction, lockStatement, cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(connection, transaction, SchemaMigrations.CreateMigrationsTable, cancellationToken).ConfigureAwait(false);
        var applied = new HashSet<int>();
        await using (var select = Command(connection, transaction, "SELECT version FROM schema_migrations"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
            }
        }

        foreach (var migration in SchemaMigrations.All)
        {
            if (applied.Contains(migration.Version))
            {
                continue;
            }

            foreach (var statement in migration.Statements(Dialect))
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await using var record = Command(connection, transaction,
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (@v, @d, @t)");
            Add(record, "@v", migration.Version);
            Add(record, "@d", migration.Description);
            Add(record, "@t", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The migration versions recorded in the database.</summary>
    public async Task<IReadOnlyList<int>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT version FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var versions = new List<int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return versions;
    }

    public async Task<Versioned<T>?> GetAsync<T>(EntityKind<T> kind, string scope, string key, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {Dialect.JsonColumn("doc")}, version FROM {kind.Table} WHERE scope = @s AND entity_key = @k");
        Add(command, "@s", scope);
        Add(command, "@k", key);
        return await ReadOneAsync(kind, command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Versioned<T>?> FindByUniqueIdAsync<T>(EntityKind<T> kind, string uniqueId, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null,
            $"SELECT {Dialect.JsonColumn("doc")}, version FROM {kind.Table} WHERE unique_id = @u");
        Add(command, "@u", uniqueId);
        return await ReadOneAsync(kind, command, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Page<Versioned<T>>> ListAsync<T>(EntityKind<T> kind, string scope, ListQuery query, CancellationToken cancellationToken = default)
        where T : class
    {
        var maxItems = Math.Max(1, query.MaxItems);
        var sql = new StringBuilder($"SELECT {Dialect.JsonColumn("doc")}, version, entity_key FROM {kind.Table} WHERE scope = @s");
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        Add(command, "@s", scope);
        if (query.Marker is not null)
        {
            sql.Append(" AND entity_key > @m");
            Add(command, "@m", query.Marker);
        }

        if (query.PathPrefix is { Length: > 0 } prefix)
        {
            sql.Append(" AND substr(path, 1, @pl) = @p");
            Add(command, "@pl", prefix.Length);
            Add(command, "@p", prefix);
        }

        if (query.Owner is not null)
        {
            sql.Append(" AND owner_key = @o");
            Add(command, "@o", query.Owner);
        }

        sql.Append(" ORDER BY entity_key");
        if (maxItems < int.MaxValue)
        {
            sql.Append(" LIMIT @n");
            Add(command, "@n", (long)maxItems + 1);
        }

        command.CommandText = sql.ToString();
        var items = new List<Versioned<T>>();
        string? lastKey = null;
        var truncated = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (items.Count == maxItems)
            {
                truncated = true;
                break;
            }

            items.Add(new Versioned<T>(ReadDocument<T>(reader, kind), reader.GetInt64(1)));
            lastKey = reader.GetString(2);
        }

        return new Page<Versioned<T>>(items, truncated, truncated ? lastKey : null);
    }

    public async Task<IReadOnlyList<Versioned<T>>> ListEverywhereAsync<T>(EntityKind<T> kind, CancellationToken cancellationToken = default)
        where T : class
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT {Dialect.JsonColumn("doc")}, version FROM {kind.Table} ORDER BY scope, entity_key");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<Versioned<T>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            items.Add(new Versioned<T>(ReadDocument<T>(reader, kind), reader.GetInt64(1)));
        }

        return items;
    }

    public async Task<IReadOnlyList<string>> ListScopesAsync(EntityKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, $"SELECT DISTINCT scope FROM {kind.Table} ORDER BY scope");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var scopes = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            scopes.Add(reader.GetString(0));
        }

        return scopes;
    }

    public async Task<CommitResult> CommitAsync(ChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.IsEmpty)
        {
            return CommitResult.Ok;
        }

        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false);
        var commands = new PreparedCommands(this, connection, transaction);
        try
        {
            foreach (var change in changes.Changes)
            {
                Change? current = change;
                int affected;
                try
                {
                    affected = await commands.ExecuteAsync(change, cancellationToken).ConfigureAwait(false);
                }
                catch (DbException e) when (Dialect.IsUniqueViolation(e))
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    return CommitResult.Conflicted(current, ConflictReason.AlreadyExists);
                }

                if (affected == 0)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    var reason = change.Kind == ChangeKind.Insert ? ConflictReason.AlreadyExists : ConflictReason.VersionMismatch;
                    return CommitResult.Conflicted(change, reason);
                }
            }

            foreach (var auditEvent in changes.AuditEvents)
            {
                await commands.AppendAuditAsync(auditEvent, cancellationToken).ConfigureAwait(false);
            }

            var changesEntities = changes.Changes.Count > 0;
            if (changesEntities)
            {
                await ExecuteAsync(connection, transaction, Dialect.ChangeSignal, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            if (RemovesSecrets(changes))
            {
                await OnSecretsRemovedAsync(cancellationToken).ConfigureAwait(false);
            }

            // Before returning: the caller's next request must not be answered from a view older than this write.
            if (changesEntities)
            {
                RaiseChanged();
            }

            return CommitResult.Ok;
        }
        finally
        {
            await commands.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Called after a commit that deleted or replaced a row holding secrets, to scrub what the database
    /// keeps of the old row (SQLite: the write-ahead log).</summary>
    protected virtual Task OnSecretsRemovedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool RemovesSecrets(ChangeSet changes)
    {
        foreach (var change in changes.Changes)
        {
            if (change.Kind is ChangeKind.Delete or ChangeKind.Update or ChangeKind.Upsert && change.EntityKind.SecretFields.Count > 0) return true;
        }

        return false;
    }

    public async Task<IReadOnlyList<AuditEvent>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var sql = new StringBuilder($"SELECT seq, {Dialect.JsonColumn("doc")} FROM audit_events WHERE 1 = 1");
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        if (query.AccountId is not null)
        {
            sql.Append(" AND account = @a");
            Add(command, "@a", query.AccountId);
        }

        if (query.EventName is not null)
        {
            sql.Append(" AND event_name = @n");
            Add(command, "@n", query.EventName);
        }

        if (query.EventSource is not null)
        {
            sql.Append(" AND event_source = @src");
            Add(command, "@src", query.EventSource);
        }

        if (query.StartTime is { } start)
        {
            sql.Append(" AND event_time_ms >= @start");
            Add(command, "@start", start.ToUnixTimeMilliseconds());
        }

        if (query.EndTime is { } end)
        {
            sql.Append(" AND event_time_ms <= @end");
            Add(command, "@end", end.ToUnixTimeMilliseconds());
        }

        if (query.BeforeSequence is { } before)
        {
            sql.Append(" AND seq < @before");
            Add(command, "@before", before);
        }

        sql.Append(" ORDER BY seq DESC LIMIT @limit");
        Add(command, "@limit", (long)Math.Max(1, query.MaxResults));
        command.CommandText = sql.ToString();
        var events = new List<AuditEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = DirectoryJson.Deserialize<AuditEvent>(reader.GetString(1));
            events.Add(stored with { Sequence = reader.GetInt64(0) });
        }

        return events;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    protected static DbParameter Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private async Task<Versioned<T>?> ReadOneAsync<T>(EntityKind<T> kind, DbCommand command, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new Versioned<T>(ReadDocument<T>(reader, kind), reader.GetInt64(1));
    }

    /// <summary>The statements of one commit, each prepared once per table and change kind and reused: imports
    /// commit thousands of rows at a time.</summary>
    private sealed class PreparedCommands(SqlDirectoryStore store, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly Dictionary<(string Table, ChangeKind Kind), DbCommand> _commands = [];
        private DbCommand? _audit;

        public async Task<int> ExecuteAsync(Change change, CancellationToken cancellationToken)
        {
            var command = For(change.EntityKind.Table, change.Kind);
            command.Parameters["@s"].Value = change.Scope;
            command.Parameters["@k"].Value = change.Key;
            if (change.Kind is ChangeKind.Insert or ChangeKind.Update or ChangeKind.Upsert)
            {
                command.Parameters["@d"].Value = store.ToStored(change.EntityKind, change.Document!);
                command.Parameters["@u"].Value = (object?)change.UniqueId ?? DBNull.Value;
                command.Parameters["@o"].Value = (object?)change.Owner ?? DBNull.Value;
                command.Parameters["@p"].Value = (object?)change.Path ?? DBNull.Value;
            }

            if (change.Kind is ChangeKind.Update or ChangeKind.Delete or ChangeKind.Touch)
            {
                command.Parameters["@v"].Value = change.ExpectedVersion;
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task AppendAuditAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
        {
            if (_audit is null)
            {
                _audit = Command(connection, transaction,
                    "INSERT INTO audit_events (event_time_ms, account, event_source, event_name, doc) " +
                    $"VALUES (@t, @a, @src, @n, {store.Dialect.JsonParameter("@d")})");
                Add(_audit, "@t", 0L);
                Add(_audit, "@a", null);
                Add(_audit, "@src", string.Empty);
                Add(_audit, "@n", string.Empty);
                Add(_audit, "@d", string.Empty);
            }

            _audit.Parameters["@t"].Value = auditEvent.EventTime.ToUnixTimeMilliseconds();
            _audit.Parameters["@a"].Value = (object?)auditEvent.RecipientAccountId ?? DBNull.Value;
            _audit.Parameters["@src"].Value = auditEvent.EventSource;
            _audit.Parameters["@n"].Value = auditEvent.EventName;
            _audit.Parameters["@d"].Value = DirectoryJson.Serialize(auditEvent with { Sequence = 0 });
            await _audit.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values)
            {
                await command.DisposeAsync().ConfigureAwait(false);
            }

            if (_audit is not null)
            {
                await _audit.DisposeAsync().ConfigureAwait(false);
            }
        }

        private DbCommand For(string table, ChangeKind kind)
        {
            if (_commands.TryGetValue((table, kind), out var existing))
            {
                return existing;
            }

            var doc = store.Dialect.JsonParameter("@d");
            var sql = kind switch
            {
                ChangeKind.Insert =>
                    $"INSERT INTO {table} (scope, entity_key, unique_id, owner_key, path, doc, version) " +
                    $"VALUES (@s, @k, @u, @o, @p, {doc}, 1) ON CONFLICT DO NOTHING",
                ChangeKind.Upsert =>
                    $"INSERT INTO {table} (scope, entity_key, unique_id, owner_key, path, doc, version) " +
                    $"VALUES (@s, @k, @u, @o, @p, {doc}, 1) ON CONFLICT (scope, entity_key) DO UPDATE SET " +
                    $"unique_id = excluded.unique_id, owner_key = excluded.owner_key, path = excluded.path, " +
                    $"doc = excluded.doc, version = {table}.version + 1",
                ChangeKind.Update =>
                    $"UPDATE {table} SET unique_id = @u, owner_key = @o, path = @p, doc = {doc}, version = version + 1 " +
                    "WHERE scope = @s AND entity_key = @k AND version = @v",
                ChangeKind.Delete => $"DELETE FROM {table} WHERE scope = @s AND entity_key = @k AND version = @v",
                _ => $"UPDATE {table} SET version = version + 1 WHERE scope = @s AND entity_key = @k AND version = @v",
            };

            var command = Command(connection, transaction, sql);
            Add(command, "@s", string.Empty);
            Add(command, "@k", string.Empty);
            if (kind is ChangeKind.Insert or ChangeKind.Update or ChangeKind.Upsert)
            {
                Add(command, "@d", string.Empty);
                Add(command, "@u", null);
                Add(command, "@o", null);
                Add(command, "@p", null);
            }

            if (kind is ChangeKind.Update or ChangeKind.Delete or ChangeKind.Touch)
            {
                Add(command, "@v", 0L);
            }

            _commands[(table, kind)] = command;
            return command;
        }
    }
}
