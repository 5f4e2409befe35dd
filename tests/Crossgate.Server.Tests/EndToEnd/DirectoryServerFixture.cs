using Amazon.Runtime;
using Amazon.SecurityToken;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>The real endpoint on a free loopback port over a temporary SQLite store seeded with the example
/// organization, with root keys for the management and outsider accounts.</summary>
public sealed class DirectoryServerFixture : IAsyncDisposable
{
    private readonly string _folder;

    private DirectoryServerFixture(string folder, IDirectoryStore store, CrossgateServices services, CrossgateServer server)
    {
        _folder = folder;
        Store = store;
        Services = services;
        Server = server;
    }

    public IDirectoryStore Store { get; }

    public CrossgateServices Services { get; }

    public CrossgateServer Server { get; }

    public BasicAWSCredentials ManagementRoot { get; private set; } = null!;

    public BasicAWSCredentials OutsiderRoot { get; private set; } = null!;

    public static async Task<DirectoryServerFixture> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crossgate-e2e-" + Guid.NewGuid().ToString("N"));
        var store = await DirectoryStoreFactory.OpenAsync(folder);
        var services = new CrossgateServices(store);
        (await ExampleOrganization.CreateAsync(store)).GetValueOrThrow();
        var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = "127.0.0.1", Port = 0 },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            configureLogging: logging => logging.SetMinimumLevel(LogLevel.Warning));
        await server.StartAsync();
        var fixture = new DirectoryServerFixture(folder, store, services, server);
        fixture.ManagementRoot = await RootKeyAsync(store, ExampleOrganization.Management);
        fixture.OutsiderRoot = await RootKeyAsync(store, ExampleOrganization.Outsider);
        return fixture;
    }

    private static async Task<BasicAWSCredentials> RootKeyAsync(IDirectoryStore store, string account)
    {
        var key = await RootAccessKeys.CreateAsync(store, account);
        return new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey);
    }

    /// <summary>A user's new access key.</summary>
    public async Task<BasicAWSCredentials> UserKeyAsync(string account, string userName)
    {
        var key = (await Services.Iam.CreateAccessKeyAsync(account, userName)).GetValueOrThrow();
        return new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey);
    }

    public async Task AllowAsync(string account, string userName, string policyName, string action, string resource) =>
        (await Services.Iam.PutUserPolicyAsync(account, userName, policyName,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""")).GetValueOrThrow();

    /// <summary>The session sealed in temporary credentials' token, as the server reads it.</summary>
    public Crossgate.Directory.Model.StsSession? SessionOf(Amazon.SecurityToken.Model.Credentials credentials) =>
        Services.SessionTokens.Open(credentials.AccessKeyId, credentials.SessionToken);

    public AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = Server.BaseAddress.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
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
