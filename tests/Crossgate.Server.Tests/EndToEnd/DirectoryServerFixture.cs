using Amazon.Runtime;
using Amazon.SecurityToken;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;
using Crossgate.Server.Services.Iam;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>The real endpoint on a free loopback port over a temporary SQLite store seeded with the example
/// organization, with root keys for the management and outsider accounts.</summary>
public sealed class DirectoryServerFixture : IAsyncDisposable
{
    private readonly string _folder;

    private DirectoryServerFixture(string folder, IDirectoryStore store, CrossgateServices services, CrossgateServer server, AuditTrailObserver audit, LastUsedRecorder lastUsed)
    {
        Audit = audit;
        LastUsed = lastUsed;
        _folder = folder;
        Store = store;
        Services = services;
        Server = server;
    }

    public IDirectoryStore Store { get; }

    public CrossgateServices Services { get; }

    public CrossgateServer Server { get; }

    /// <summary>The trail, as <c>crossgate serve</c> records it.</summary>
    public AuditTrailObserver Audit { get; }

    /// <summary>Keys' and roles' last use, as <c>crossgate serve</c> records it (flush to store it at once).</summary>
    public LastUsedRecorder LastUsed { get; }

    public BasicAWSCredentials ManagementRoot { get; private set; } = null!;

    public BasicAWSCredentials OutsiderRoot { get; private set; } = null!;

    public static async Task<DirectoryServerFixture> StartAsync(ILoggerProvider? logger = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crossgate-e2e-" + Guid.NewGuid().ToString("N"));
        var store = await DirectoryStoreFactory.OpenAsync(folder);
        var services = new CrossgateServices(store);
        (await ExampleOrganization.CreateAsync(store)).GetValueOrThrow();
        var audit = new AuditTrailObserver(store);
        var lastUsed = new LastUsedRecorder(store);
        var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = "127.0.0.1", Port = 0 },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            observers: [audit, lastUsed],
            configureLogging: logging =>
            {
                logging.SetMinimumLevel(LogLevel.Warning);
                if (logger is not null) logging.AddProvider(logger);
            });
        await server.StartAsync();
        var fixture = new DirectoryServerFixture(folder, store, services, server, audit, lastUsed);
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

    /// <summary>A signed IAM Query call with any credentials (a session's too); the XML answer, whatever the status.</summary>
    public async Task<(System.Net.HttpStatusCode Status, System.Xml.Linq.XElement Body)> IamAsync(AWSCredentials credentials, string action, params (string Name, string Value)[] parameters)
    {
        var form = string.Join('&', new[] { ("Action", action), ("Version", "2010-05-08") }.Concat(parameters)
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        var immutable = credentials.GetCredentials();
        using var message = Support.TestSigner.FormPost(Server.BaseAddress, form);
        new Support.TestSigner(immutable.AccessKey, immutable.SecretKey, "eu-west-2", "iam", immutable.UseToken ? immutable.Token : null)
            .Sign(message, System.Text.Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);
        using var client = new HttpClient();
        using var response = await client.SendAsync(message);
        return (response.StatusCode, System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!);
    }

    /// <summary>A signed Organizations (JSON 1.1) call with any credentials; the JSON answer, whatever the status.</summary>
    public async Task<(System.Net.HttpStatusCode Status, System.Text.Json.JsonElement Body)> OrganizationsAsync(AWSCredentials credentials, string operation, string json = "{}")
    {
        var immutable = credentials.GetCredentials();
        using var message = Support.TestSigner.JsonPost(Server.BaseAddress, "AWSOrganizationsV20161128." + operation, json);
        new Support.TestSigner(immutable.AccessKey, immutable.SecretKey, "us-east-1", "organizations", immutable.UseToken ? immutable.Token : null)
            .Sign(message, System.Text.Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow);
        using var client = new HttpClient();
        using var response = await client.SendAsync(message);
        return (response.StatusCode, System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.StopAsync();
        await Server.DisposeAsync();
        await LastUsed.DisposeAsync();
        await Audit.DisposeAsync();
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
