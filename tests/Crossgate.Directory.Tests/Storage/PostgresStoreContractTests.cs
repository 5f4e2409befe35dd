using Crossgate.Directory.Storage;
using Crossgate.Directory.Storage.Sql;
using Crossgate.Directory.Tests.Infrastructure;
using Crossgate.Tests.Shared;

namespace Crossgate.Directory.Tests.Storage;

[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreContractTests(PostgresServer server) : DirectoryStoreContract
{
    private string? _connectionString;

    protected override async Task<IDirectoryStore> OpenAsync(bool second = false)
    {
        _connectionString ??= await server.CreateDatabaseAsync();
        return await PostgresDirectoryStore.OpenAsync(_connectionString);
    }

    [ContractFact]
    public async Task Servers_opening_together_apply_migrations_once()
    {
        var fresh = await server.CreateDatabaseAsync();
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PostgresDirectoryStore.OpenAsync(fresh)));

        foreach (var store in stores)
        {
            Assert.Equal(SchemaMigrations.All.Select(m => m.Version), await ((PostgresDirectoryStore)store).AppliedMigrationsAsync());
            await store.DisposeAsync();
        }
    }
}
