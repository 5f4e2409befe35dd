using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Infrastructure;

/// <summary>A SQLite store in a temporary folder, removed on dispose.</summary>
public sealed class TempStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-test-" + Guid.NewGuid().ToString("N"));

    private TempStore()
    {
    }

    public IDirectoryStore Store { get; private set; } = null!;

    public string Folder => _folder;

    public static async Task<TempStore> CreateAsync()
    {
        var temp = new TempStore();
        temp.Store = await DirectoryStoreFactory.OpenAsync(temp._folder);
        return temp;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
