using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Crossgate.Platform.ServiceStore;

/// <summary>The platform service's tables in the registry's SQLite file (<c>DIR/platform.db</c>), WAL with
/// <c>synchronous=FULL</c> as the registry itself.</summary>
public sealed class SqlitePlatformStore : SqlPlatformStore
{
    private readonly string _connectionString;

    private SqlitePlatformStore(string path)
    {
        Description = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 30 }.ToString();
    }

    public override string Description { get; }

    public static async Task<SqlitePlatformStore> OpenAsync(string dataDirectory, CancellationToken cancellation = default)
    {
        System.IO.Directory.CreateDirectory(dataDirectory);
        var store = new SqlitePlatformStore(Path.Combine(dataDirectory, Registry.AccountRegistry.FileName));
        await using var connection = await store.OpenAsync(cancellation).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await store.CreateSchemaAsync(connection, "INTEGER PRIMARY KEY AUTOINCREMENT", cancellation).ConfigureAwait(false);
        return store;
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000";
        await pragmas.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        return connection;
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
