using System.Net.Http.Headers;
using Crossgate.Cli.Tests.Accounts;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Hosting;
using Crossgate.Web.Service;
using Microsoft.Extensions.Logging;

namespace Crossgate.Web.Tests.Support;

/// <summary>The platform service on its own Kestrel host (a free loopback port) over a fresh registry and a fresh
/// service store (SQLite in a temporary folder, or a new PostgreSQL database), talking to a Crossgate endpoint with
/// the platform user's key; with an administrator token and a read-only token.</summary>
internal sealed class PlatformApiHost : IAsyncDisposable
{
    private static readonly HttpClient AwsHttp = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly List<HttpClient> _clients = [];

    private PlatformApiHost(string folder, IPlatformStore store, IAccountRegistry registry, PlatformService service, PlatformHost host)
    {
        Folder = folder;
        Store = store;
        Registry = registry;
        Service = service;
        Host = host;
    }

    public string Folder { get; }

    public IPlatformStore Store { get; }

    public IAccountRegistry Registry { get; }

    public PlatformService Service { get; }

    public PlatformHost Host { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public string AdminToken { get; private set; } = string.Empty;

    public string ReadOnlyToken { get; private set; } = string.Empty;

    public static async Task<PlatformApiHost> StartAsync(string endpointUrl, string? postgres = null, Func<PlatformServiceOptions, PlatformServiceOptions>? adjust = null)
    {
        AccountsWorkspace.EnsureCredentials();
        var folder = System.IO.Directory.CreateTempSubdirectory("crossgate-web-").FullName;
        var registry = await AccountRegistries.OpenAsync(folder, postgres);
        var store = await PlatformStoreFactory.OpenAsync(folder, postgres);
        var connection = new PlatformConnection(new AwsTarget(new Uri(endpointUrl)), _ => ValueTask.FromResult(AwsCredentialSet.FromDefaultChain()), AwsHttp);
        var options = new PlatformServiceOptions { Registry = new RegistryAccounts(registry), Store = store, Connection = connection };
        var service = new PlatformService(adjust is null ? options : adjust(options));
        var host = PlatformHost.Create(service, "127.0.0.1", 0, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await host.StartAsync();
        var api = new PlatformApiHost(folder, store, registry, service, host);
        api.AdminToken = await api.CreateTokenAsync("admin", readOnly: false);
        api.ReadOnlyToken = await api.CreateTokenAsync("auditor", readOnly: true);
        return api;
    }

    public async Task<string> CreateTokenAsync(string name, bool readOnly)
    {
        var secret = TokenSecrets.NewSecret();
        Assert.True(await Store.AddTokenAsync(new ApiToken(name, TokenSecrets.Hash(secret), readOnly, DateTimeOffset.UtcNow)));
        return secret;
    }

    /// <summary>A client for the API, with the token as bearer (none: no Authorization header).</summary>
    public HttpClient Client(string? token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(120) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.StopAsync();
        await Host.DisposeAsync();
        await Service.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
