using System.Data;
using System.Data.Common;
using Crossgate.Directory.Storage.Sql;
using Npgsql;

namespace Crossgate.Directory.Storage;

/// <summary>The shared store: PostgreSQL through Npgsql. Several Crossgate servers may use one database; the row
/// versions checked in each transaction keep them consistent.</summary>
public sealed class PostgresDirectoryStore : SqlDirectoryStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresDirectoryStore(NpgsqlDataSource dataSource, string description)
        : base(PostgresDialect.Instance)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public override string Description { get; }

    /// <summary>Connects and applies pending migrations.</summary>
    public static async Task<PostgresDirectoryStore> OpenAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var store = new PostgresDirectoryStore(NpgsqlDataSource.Create(builder), $"postgres:{builder.Host}:{builder.Port}/{builder.Database}");
        try
        {
            await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return store;
    }

    protected override async ValueTask<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        // Read committed is enough: every conditional write re-checks the row version under the row lock.
        await ((NpgsqlConnection)connection).BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);

    /// <summary>LISTENs on <see cref="PostgresDialect.ChangeChannel"/>, which every commit that changes entities
    /// notifies (this process's own included). A lost connection counts as a change, since notifications sent
    /// meanwhile are gone; it is then reopened.</summary>
    protected override async Task WatchForeignChangesAsync(Action changed, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                connection.Notification += (_, _) => changed();
                await using (var listen = Command(connection, null, $"LISTEN {PostgresDialect.ChangeChannel}"))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                changed(); // Whatever happened before LISTEN took effect.
                while (true)
                {
                    await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                changed();
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await StopWatchingAsync().ConfigureAwait(false);
        await _dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
