using Crossgate.Directory.Storage;
using Crossgate.Directory.Storage.Sql;

namespace Crossgate.Directory.Tests.Storage;

public sealed class SqliteStoreContractTests : DirectoryStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-test-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IDirectoryStore> OpenAsync(bool second = false) =>
        await SqliteDirectoryStore.OpenAsync(Path.Combine(_folder, SqliteDirectoryStore.FileName));

    [Fact]
    public async Task The_file_is_in_WAL_mode_and_writes_sync_fully()
    {
        var sqlite = (SqliteDirectoryStore)Store;

        var (journal, synchronous) = await sqlite.PragmasAsync();

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL
        Assert.True(File.Exists(sqlite.FilePath));
    }

    [Fact]
    public async Task Migrations_are_recorded_and_not_applied_twice()
    {
        await using var reopened = (SqliteDirectoryStore)await OpenAsync(second: true);
        await reopened.MigrateAsync();

        Assert.Equal(SchemaMigrations.All.Select(m => m.Version), await reopened.AppliedMigrationsAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger a moment; the temp folder is not worth failing a test for.
        }
    }
}
