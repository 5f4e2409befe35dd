using System.Text.Json;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Service;

namespace Crossgate.Web.Api;

/// <summary>The body of <c>GET /api/v1/accounts</c>, serialized once and served until the registry or the check
/// history changes. Both stores count their writes (whoever makes them: this service, a CLI in another process, another
/// service on the same PostgreSQL), so a request costs two one-row reads instead of reading, mapping and serializing
/// every account and its last check.</summary>
public sealed class AccountListCache(IRegisteredAccounts registry, IPlatformStore store) : IDisposable
{
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private Entry? _entry;

    /// <summary>The list as UTF-8 JSON, with the revisions it was built at (an ETag).</summary>
    public async Task<(byte[] Body, string Version)> GetAsync(CancellationToken cancellation)
    {
        // Revisions are read before the data: a write that lands while the list is built leaves a newer revision
        // behind, so the next request builds again rather than keeping a list older than its key.
        var registryRevision = await registry.RevisionAsync(cancellation).ConfigureAwait(false);
        var checksRevision = await store.ChecksRevisionAsync(cancellation).ConfigureAwait(false);
        if (Current(registryRevision, checksRevision) is { } cached)
        {
            return (cached.Body, cached.Version);
        }

        // One rebuild at a time: a burst of requests after a write waits for the first instead of all reading.
        await _rebuild.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (Current(registryRevision, checksRevision) is { } built)
            {
                return (built.Body, built.Version);
            }

            var entry = new Entry(registryRevision, checksRevision, await BuildAsync(cancellation).ConfigureAwait(false));
            Volatile.Write(ref _entry, entry);
            return (entry.Body, entry.Version);
        }
        finally
        {
            _rebuild.Release();
        }
    }

    public void Dispose() => _rebuild.Dispose();

    private Entry? Current(long registryRevision, long checksRevision) =>
        Volatile.Read(ref _entry) is { } entry && entry.RegistryRevision == registryRevision && entry.ChecksRevision == checksRevision ? entry : null;

    private async Task<byte[]> BuildAsync(CancellationToken cancellation)
    {
        var accounts = await registry.ListAsync(cancellation).ConfigureAwait(false);
        var latest = await store.LatestChecksAsync(cancellation).ConfigureAwait(false);
        var views = new AccountView[accounts.Count];
        for (var i = 0; i < views.Length; i++)
        {
            views[i] = ApiViews.Account(accounts[i], latest.GetValueOrDefault(accounts[i].Alias));
        }

        return JsonSerializer.SerializeToUtf8Bytes(new AccountList(views), WebJsonContext.Default.AccountList);
    }

    private sealed record Entry(long RegistryRevision, long ChecksRevision, byte[] Body)
    {
        public string Version { get; } = $"\"{RegistryRevision}.{ChecksRevision}\"";
    }
}
