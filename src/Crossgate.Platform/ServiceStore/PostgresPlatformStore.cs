using System.Data.Common;
using Npgsql;

namespace Crossgate.Platform.ServiceStore;

/// <summary>The platform service's tables in PostgreSQL, so that several service instances share tokens, history and
/// the permission profile.</summary>
public sealed class PostgresPlatformStore : SqlPlatformStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresPlatformStore(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public override string Description { get; }

    public static async Task<PostgresPlatformStore> OpenAsync(string connectionString, CancellationToken cancellation = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var store = new PostgresPlatformStore(NpgsqlDataSource.Create(builder), $"postgres:{builder.Host}:{builder.Port}/{builder.Database}");
        try
        {
            await using var connection = await store.OpenAsync(cancellation).ConfigureAwait(false);
            // Two services starting at once would race on CREATE TABLE IF NOT EXISTS; one lock orders them.
            await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(7912412)", (NpgsqlConnection)connection, (NpgsqlTransaction)transaction))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }

            foreach (var sql in Schema("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"))
            {
                await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
                await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return store;
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation) =>
        await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
