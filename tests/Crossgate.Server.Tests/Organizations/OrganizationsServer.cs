using System.Net;
using System.Text;
using System.Text.Json;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;
using Crossgate.Server.Services.Organizations;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Organizations;

/// <summary>A real server on a free loopback port over a temporary SQLite store seeded with the example
/// organization, answering Organizations and recording the audit trail; callers sign with keys of directory users.</summary>
public sealed class OrganizationsServer : IAsyncDisposable
{
    public const string Target = "AWSOrganizationsV20161128.";

    private readonly string _folder;
    private readonly ServerFixture _server;

    private OrganizationsServer(string folder, IDirectoryStore store, CrossgateServices services, ServerFixture server, ExampleOrganizationIds ids)
    {
        _folder = folder;
        Store = store;
        Services = services;
        _server = server;
        Ids = ids;
    }

    public IDirectoryStore Store { get; }

    public CrossgateServices Services { get; }

    public ExampleOrganizationIds Ids { get; }

    /// <summary>The SQLite folder, for <c>crossgate trail --data</c>.</summary>
    public string DataFolder => _folder;

    /// <summary>bob: an administrator in the management account.</summary>
    public Caller Admin { get; private set; } = null!;

    /// <summary>alex: a management-account user without any policy.</summary>
    public Caller Unprivileged { get; private set; } = null!;

    /// <summary>ops: an administrator in member account B, under the OU Workloads and its deny-leave SCP.</summary>
    public Caller MemberAdmin { get; private set; } = null!;

    /// <summary>outsider: an administrator in an account outside any organization.</summary>
    public Caller OutsiderAdmin { get; private set; } = null!;

    public static async Task<OrganizationsServer> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crossgate-orgs-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var store = await SqliteDirectoryStore.OpenAsync(Path.Combine(folder, SqliteDirectoryStore.FileName));
        var ids = (await ExampleOrganization.CreateAsync(store)).GetValueOrThrow();
        var services = new CrossgateServices(store);
        var server = await ServerFixture.StartAsync(
            new DirectoryCredentialResolver(services),
            registry => OrganizationsService.Register(registry, services),
            observers: [new AuditTrailObserver(store)]);
        var result = new OrganizationsServer(folder, store, services, server, ids);
        result.Admin = await result.KeyAsync(ExampleOrganization.Management, "bob");
        result.Unprivileged = await result.KeyAsync(ExampleOrganization.Management, "alex");
        result.MemberAdmin = await result.CreateAdminAsync(ExampleOrganization.TargetB, "ops");
        result.OutsiderAdmin = await result.CreateAdminAsync(ExampleOrganization.Outsider, "outsider");
        return result;
    }

    public async Task<Caller> CreateAdminAsync(string account, string userName)
    {
        (await Services.Iam.CreateUserAsync(account, userName)).GetValueOrThrow();
        (await Services.Iam.AttachUserPolicyAsync(account, userName, "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        return await KeyAsync(account, userName);
    }

    private async Task<Caller> KeyAsync(string account, string userName)
    {
        var key = (await Services.Iam.CreateAccessKeyAsync(account, userName)).GetValueOrThrow();
        return new Caller(key.AccessKeyId, key.SecretAccessKey, account, $"arn:aws:iam::{account}:user/{userName}");
    }

    /// <summary>Sends a signed JSON 1.1 call; the body is parsed whether the call succeeded or not.</summary>
    public async Task<Reply> CallAsync(Caller caller, string operation, string json = "{}")
    {
        using var message = TestSigner.JsonPost(_server.BaseAddress, Target + operation, json);
        new TestSigner(caller.AccessKeyId, caller.Secret, "us-east-1", "organizations").Sign(message, Encoding.UTF8.GetBytes(json), DateTimeOffset.UtcNow);
        using var response = await _server.Client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        var requestId = response.Headers.TryGetValues(AwsEndpoint.RequestIdHeader, out var ids) ? ids.First() : null;
        return new Reply(response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), text) { RequestId = requestId };
    }

    /// <summary>Sends a signed Query-protocol form (IAM or STS) as-is; only its audit record matters here.</summary>
    public async Task<HttpStatusCode> PostFormAsync(Caller caller, string service, string form)
    {
        using var message = TestSigner.FormPost(_server.BaseAddress, form);
        new TestSigner(caller.AccessKeyId, caller.Secret, "us-east-1", service).Sign(message, Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);
        using var response = await _server.Client.SendAsync(message);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public sealed record Caller(string AccessKeyId, string Secret, string Account, string Arn);

    public sealed record Reply(HttpStatusCode Status, JsonElement Body, string Text)
    {
        public string? RequestId { get; init; }

        public bool Ok => Status == HttpStatusCode.OK;

        public string? ErrorType => Body.TryGetProperty("__type", out var type) ? type.GetString() : null;

        public string? Message => Body.TryGetProperty("Message", out var message) ? message.GetString() : null;

        public string Str(params string[] path)
        {
            var element = Body;
            foreach (var name in path)
            {
                element = element.GetProperty(name);
            }

            return element.GetString()!;
        }

        public IReadOnlyList<string> Ids(string list, string idName = "Id") =>
            Body.GetProperty(list).EnumerateArray().Select(e => e.GetProperty(idName).GetString()!).ToList();
    }
}
