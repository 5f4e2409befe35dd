using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Service;

namespace Crossgate.Cli.Commands;

/// <summary>The stores a platform service runs on: the account registry in the data folder, and the service's own
/// store (tokens, check history, events, permission profile) in the same folder or in PostgreSQL.</summary>
internal sealed class PlatformStores : IAsyncDisposable
{
    private PlatformStores(AccountRegistry registry, IPlatformStore store)
    {
        Registry = registry;
        Store = store;
    }

    public AccountRegistry Registry { get; }

    public IPlatformStore Store { get; }

    public IRegisteredAccounts Accounts => new SqliteRegisteredAccounts(Registry);

    public static async Task<PlatformStores> OpenAsync(string dataDirectory, string? postgres, CancellationToken cancellation)
    {
        var registry = await AccountRegistry.OpenAsync(dataDirectory, cancellation);
        var store = await PlatformStoreFactory.OpenAsync(dataDirectory, postgres, cancellation);
        return new PlatformStores(registry, store);
    }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
