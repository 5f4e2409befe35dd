using System.Net.Http.Headers;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Hosting;
using Crossgate.Web.Service;
using Microsoft.Extensions.Logging;

namespace Crossgate.Benchmarks;

/// <summary>The platform service on a free loopback port over a SQLite registry of 1,000 accounts, each with a
/// stored check of four groups (some not granted), and an API token.</summary>
internal sealed class PlatformWithThousandAccounts : IAsyncDisposable
{
    public const int Accounts = 1000;

    private readonly string _folder;
    private readonly IPlatformStore _store;
    private readonly PlatformService _service;

    private PlatformWithThousandAccounts(string folder, IPlatformStore store, PlatformService service, PlatformHost host, string token)
    {
        _folder = folder;
        _store = store;
        _service = service;
        Host = host;
        Token = token;
    }

    public PlatformHost Host { get; }

    public string Token { get; }

    public string? OneTimeLogin => _service.Sessions.OneTimeToken;

    public static async Task<PlatformWithThousandAccounts> StartAsync()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("crossgate-bench-platform-").FullName;
        var registry = await AccountRegistry.OpenAsync(folder);
        var store = await PlatformStoreFactory.OpenAsync(folder, null);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < Accounts; i++)
        {
            var id = (100_000_000_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var alias = $"account-{i:D4}";
            await registry.AddAsync(new RegisteredAccount
            {
                Alias = alias, AccountId = id, RoleArn = $"arn:aws:iam::{id}:role/PlatformResponseRole", ExternalId = i % 3 == 0 ? "external" : null, RegisteredAt = now,
            });
            var denied = i % 4 == 0;
            await store.AddCheckAsync(new StoredCheck(0, alias, now, now.AddMilliseconds(40), i % 10 != 9, i % 10 == 9 ? "AccessDenied: the trust policy does not trust the platform." : null,
                i % 10 == 9 ? "notAssumable" : denied ? "incomplete" : "ready",
                [
                    new StoredGroup("RequiredForEC2Import", "granted", [], [], []),
                    new StoredGroup("RequiredToCheckPolicy", "granted", [], [], []),
                    new StoredGroup("RequiredForSSMOnTaggedInstances", "granted", [], [], []),
                    new StoredGroup("RequiredForS3Acquisition", denied ? "denied" : "granted", denied ? ["s3:GetObject", "s3:ListBucket"] : [], [],
                        denied ? ["s3:GetObject: no policy of the role allows it", "s3:ListBucket: no policy of the role allows it"] : []),
                ]));
        }

        var token = TokenSecrets.NewSecret();
        await store.AddTokenAsync(new ApiToken("bench", TokenSecrets.Hash(token), false, now));
        var connection = new PlatformConnection(new AwsTarget(new Uri("http://127.0.0.1:9/")),
            _ => ValueTask.FromResult(new AwsCredentialSet("AKIABENCHMARK0000001", "secret", null)), new HttpClient());
        var service = new PlatformService(new PlatformServiceOptions { Registry = new RegistryAccounts(registry), Store = store, Connection = connection });
        var host = PlatformHost.Create(service, "127.0.0.1", 0, logging => logging.SetMinimumLevel(LogLevel.Warning));
        await host.StartAsync();
        return new PlatformWithThousandAccounts(folder, store, service, host, token);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
        await _service.DisposeAsync();
        await _store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }
}
