using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Service;

namespace Crossgate.Cli.Commands;

/// <summary>The stores a platform service runs on: the account registry and the service's own store (tokens, check
/// history, events, permission profile), both in the data folder or both in PostgreSQL.</summary>
internal sealed class PlatformStores : IAsyncDisposable
{
    private PlatformStores(IAccountRegistry registry, IPlatformStore store)
    {
        Registry = registry;
        Store = store;
    }

    public IAccountRegistry Registry { get; }

    public IPlatformStore Store { get; }

    public IRegisteredAccounts Accounts => new RegistryAccounts(Registry);

    public static async Task<PlatformStores> OpenAsync(string dataDirectory, string? postgres, CancellationToken cancellation)
    {
        var registry = await AccountRegistries.OpenAsync(dataDirectory, postgres, cancellation);
        var store = await PlatformStoreFactory.OpenAsync(dataDirectory, postgres, cancellation);
        return new PlatformStores(registry, store);
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        if (Registry is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
