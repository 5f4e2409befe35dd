using System.Data.Common;
using Crossgate.Directory.Storage.Sql;
using Microsoft.Data.Sqlite;

namespace Crossgate.Directory.Storage;

/// <summary>The embedded store: one SQLite file in write-ahead-log mode with <c>synchronous=FULL</c>, so a commit
/// that returned has reached the disk and survives the process being killed. The file (and SQLite's -wal and -shm,
/// which take its mode) is created 0600; secrets are sealed with the key beside it (<see cref="SecretSealer"/>);
/// deleted rows are overwritten (<c>secure_delete</c>) and the log is checkpointed and truncated after a secret is
/// removed, so a deleted key's secret cannot be read back from the files.</summary>
public sealed class SqliteDirectoryStore : SqlDirectoryStore
{
    public const string FileName = "crossgate.db";

    private readonly string _connectionString;

    private SqliteDirectoryStore(string path, SecretSealer? sealer)
        : base(SqliteDialect.Instance)
    {
        FilePath = path;
        Sealer = sealer;
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

    /// <summary>Opens (creating if needed) the database file and applies pending migrations; secrets are sealed with
    /// the key of <see cref="SecretSealer.ForFolder"/> for the file's folder.</summary>
    public static Task<SqliteDirectoryStore> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        OpenAsync(path, SecretSealer.ForFolder(Path.GetDirectoryName(Path.GetFullPath(path))!), cancellationToken);

    /// <summary>Opens with the given sealer (null stores secrets as they are: for tests of the raw format only).</summary>
    public static async Task<SqliteDirectoryStore> OpenAsync(string path, SecretSealer? sealer, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(folder) && !System.IO.Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows()) System.IO.Directory.CreateDirectory(folder);
            else System.IO.Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        OwnerOnly(full);
        var store = new SqliteDirectoryStore(full, sealer);
        await using (var connection = new SqliteConnection(store._connectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }

        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (await store.SealExistingSecretsAsync(cancellationToken).ConfigureAwait(false))
        {
            await store.OnSecretsRemovedAsync(cancellationToken).ConfigureAwait(false);
        }

        return store;
    }

    /// <summary>Creates the database file 0600 before SQLite does (SQLite gives its -wal and -shm files the database's
    /// mode), and narrows the mode of files from before.</summary>
    private static void OwnerOnly(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        if (!File.Exists(path))
        {
            try
            {
                using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = mode });
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first.
            }
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            try
            {
                if (File.Exists(file) && (File.GetUnixFileMode(file) & ~mode) != 0) File.SetUnixFileMode(file, mode);
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to change: leave it.
            }
        }
    }

    protected override async Task OnSecretsRemovedAsync(CancellationToken cancellationToken)
    {
        // secure_delete zeroed the row in the new page image; checkpointing copies that image over the old one in the
        // database file and truncates the log that still held the old image.
        await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken).ConfigureAwait(false);
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
        // secure_delete overwrites deleted content with zeros, so freed pages keep no deleted secret.
        await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL; PRAGMA secure_delete=ON", cancellationToken).ConfigureAwait(false);
        return ((SqliteConnection)connection).BeginTransaction(deferred: false);
    }

    /// <summary>How often the change counter is read for other processes' writes (e.g. <c>crossgate admin</c>
    /// while <c>serve</c> runs); this process's own writes are known at once.</summary>
    public static TimeSpan ForeignChangePollInterval { get; } = TimeSpan.FromMilliseconds(50);

    private long _changeCounterReadings;

    /// <summary>How many times the change counter has been read successfully: lets a caller wait for a reading made
    /// after a commit instead of guessing how long the poll takes on a busy machine.</summary>
    public long ChangeCounterReadings => Interlocked.Read(ref _changeCounterReadings);

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
                Interlocked.Increment(ref _changeCounterReadings);
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
