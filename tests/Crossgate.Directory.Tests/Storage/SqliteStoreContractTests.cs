using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Storage;

public sealed class SqliteStoreContractTests : DirectoryStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-test-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IDirectoryStore> OpenAsync(bool second = false) =>
        await SqliteDirectoryStore.OpenAsync(Path.Combine(_folder, SqliteDirectoryStore.FileName));

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
