using System.Data.Common;
using Crossgate.Directory.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Crossgate.Directory.Storage;

/// <summary>The embedded store: one SQLite file in write-ahead-log mode with <c>synchronous=FULL</c>, so a commit
/// that returned has reached the disk and survives the process being killed.</summary>
public sealed class SqliteDirectoryStore : SqlDirectoryStore
{
    public const string FileName = "crossgate.db";

    private readonly string _connectionString;

    private SqliteDirectoryStore(string path)
        : base(SqliteDialect.Instance)
    {
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string FilePath { get; }

    public override string Description => $"sqlite:{FilePath}";

    /// <summary>Opens (creating if needed) the database file and applies pending migrations.</summary>
    public static async Task<SqliteDirectoryStore> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder))
        {
            System.IO.Directory.CreateDirectory(folder);
        }

        var store = new SqliteDirectoryStore(full);
        await using (var connection = new SqliteConnection(store._connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }

        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        return store;
    }

    /// <summary>The database's journal mode and the synchronous level that writes run with, for checks.</summary>
    public async Task<(string JournalMode, long Synchronous)> PragmasAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (var transaction = await BeginWriteAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var journal = Command(connection, null, "PRAGMA journal_mode");
        var mode = (string)(await journal.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await using var sync = Command(connection, null, "PRAGMA synchronous");
        var level = (long)(await sync.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return (mode, level);
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        // Busy waits are handled by Microsoft.Data.Sqlite's retry up to DefaultTimeout.
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Not deferred: BEGIN IMMEDIATE takes the write lock now, so concurrent writers queue instead of failing
        // to upgrade a read lock.
        // synchronous is per connection (and pooled connections are shared by reads): FULL syncs the WAL on every
        // commit, so an acknowledged write survives a crash.
        await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL", cancellationToken).ConfigureAwait(false);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    /// <summary>How often the change counter is read for other processes' writes (e.g. <c>crossgate admin</c>
    /// while <c>serve</c> runs); this process's own writes are known at once.</summary>
    public static TimeSpan ForeignChangePollInterval { get; } = TimeSpan.FromMilliseconds(50);

    protected override async Task WatchForeignChangesAsync(Action changed, CancellationToken cancellationToken)
    {
        long? seen = null;
        using var timer = new PeriodicTimer(ForeignChangePollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = Command(connection, null, $"SELECT generation FROM {SchemaMigrations.ChangeCounterTable} WHERE id = 1");
                var generation = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
                // The first reading counts as a change: whatever was read before it may predate a foreign write.
                if (generation != seen)
                {
                    changed();
                }

                seen = generation;
            }
            catch (SqliteException)
            {
                changed(); // Busy or briefly unreadable: assume the worst and look again at the next tick.
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await StopWatchingAsync().ConfigureAwait(false);
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
    }
}
