using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

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
}
