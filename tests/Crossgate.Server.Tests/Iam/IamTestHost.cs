using System.Net;
using System.Xml.Linq;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Iam;

/// <summary>A real server on a loopback port over a fresh SQLite directory: account 111122223333 with an
/// administrator (<c>admin</c>, allowed <c>*</c>) and a user without any policy (<c>nobody</c>), each with a key.</summary>
public sealed class IamTestHost : IAsyncDisposable
{
    public const string Account = "111122223333";
    public static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";

    private readonly string _directory;

    private IamTestHost(string directory, IDirectoryStore store, CrossgateServices services, ServerFixture server, AccessKey admin, AccessKey nobody)
    {
        _directory = directory;
        Store = store;
        Services = services;
        Server = server;
        Admin = admin;
        Nobody = nobody;
    }

    public IDirectoryStore Store { get; }

    public CrossgateServices Services { get; }

    public ServerFixture Server { get; }

    public AccessKey Admin { get; }

    public AccessKey Nobody { get; }

    public static async Task<IamTestHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crossgate-iam-" + Guid.NewGuid().ToString("N"));
        var store = await DirectoryStoreFactory.OpenAsync(directory);
        await store.CommitAsync(new ChangeSet().Insert(EntityKinds.Accounts, new Account { Id = Account, Name = "identity" }));
        var services = new CrossgateServices(store);
        var iam = services.Iam;
        (await iam.CreateUserAsync(Account, "admin")).GetValueOrThrow();
        (await iam.PutUserPolicyAsync(Account, "admin", "all", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""")).GetValueOrThrow();
        var admin = (await iam.CreateAccessKeyAsync(Account, "admin")).GetValueOrThrow();
        (await iam.CreateUserAsync(Account, "nobody")).GetValueOrThrow();
        var nobody = (await iam.CreateAccessKeyAsync(Account, "nobody")).GetValueOrThrow();
        var server = await ServerFixture.StartAsync(new DirectoryCredentialResolver(services), registry => ServiceRegistration.RegisterAll(registry, services));
        return new IamTestHost(directory, store, services, server, admin, nobody);
    }

    /// <summary>Sends a signed IAM Query call and parses the XML answer.</summary>
    public async Task<IamReply> CallAsync(string action, params (string Name, string Value)[] parameters) => await CallAsAsync(Admin, action, parameters);

    public async Task<IamReply> CallAsAsync(AccessKey key, string action, params (string Name, string Value)[] parameters)
    {
        var form = string.Join('&', new[] { ("Action", action), ("Version", "2010-05-08") }.Concat(parameters)
            .Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(p.Item2)));
        var message = TestSigner.FormPost(Server.BaseAddress, form);
        var body = await message.Content!.ReadAsByteArrayAsync();
        new TestSigner(key.AccessKeyId, key.SecretAccessKey, "us-east-1", "iam").Sign(message, body, DateTimeOffset.UtcNow);
        using var response = await Server.Client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        return new IamReply(response.StatusCode, XDocument.Parse(text).Root!, text);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file briefly; the temp directory is left behind then.
        }
    }
}

/// <summary>An IAM answer: status, root element, and helpers for its result and error.</summary>
public sealed record IamReply(HttpStatusCode Status, XElement Root, string Text)
{
    public XElement Result => Root.Elements().First(e => e.Name.LocalName.EndsWith("Result", StringComparison.Ordinal));

    public string? ErrorCode => Root.Element(IamTestHost.Ns + "Error")?.Element(IamTestHost.Ns + "Code")?.Value;

    public string? ErrorMessage => Root.Element(IamTestHost.Ns + "Error")?.Element(IamTestHost.Ns + "Message")?.Value;

    /// <summary>The value of a descendant element by local path, e.g. <c>"User/UserName"</c>.</summary>
    public string? Value(string path)
    {
        XElement? current = Result;
        foreach (var part in path.Split('/'))
        {
            current = current?.Element(IamTestHost.Ns + part);
        }

        return current?.Value;
    }

    public IReadOnlyList<XElement> Members(string listName) =>
        Result.Element(IamTestHost.Ns + listName)?.Elements(IamTestHost.Ns + "member").ToList() ?? [];
}
