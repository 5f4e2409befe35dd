using System.Net;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>Keys' and roles' last use comes from real requests through the real host, and a cross-account
/// AssumeRole lands in the trail under the role's account, as CloudTrail records it.</summary>
public sealed class LastUsedEndToEndTests : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private const string B = ExampleOrganization.TargetB;
    private static readonly XNamespace Ns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static readonly string CrossAccountRoleArn = $"arn:aws:iam::{B}:role/{ExampleOrganization.CrossAccountRole}";

    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_unused_key_answers_not_applicable_and_a_used_one_its_service_region_and_time()
    {
        var bob = await _server.UserKeyAsync(A, "bob");
        var bobKey = bob.GetCredentials().AccessKey;

        var (status, before) = await _server.IamAsync(bob, "GetAccessKeyLastUsed", ("AccessKeyId", bobKey));
        Assert.Equal(HttpStatusCode.OK, status);
        var unused = Result(before, "GetAccessKeyLastUsed");
        Assert.Equal("bob", unused.Element(Ns + "UserName")!.Value);
        Assert.Null(unused.Element(Ns + "AccessKeyLastUsed")!.Element(Ns + "LastUsedDate"));
        Assert.Equal("N/A", unused.Element(Ns + "AccessKeyLastUsed")!.Element(Ns + "ServiceName")!.Value);
        Assert.Equal("N/A", unused.Element(Ns + "AccessKeyLastUsed")!.Element(Ns + "Region")!.Value);

        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        using (var sts = _server.Sts(bob))
        {
            await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        }

        // Nothing is stored on the request path; the recorder stores what it noted once per interval.
        Assert.Null((await _server.Store.FindAccessKeyAsync(bobKey))!.Value.LastUsedDate);
        await _server.LastUsed.FlushAsync();

        var (_, after) = await _server.IamAsync(bob, "GetAccessKeyLastUsed", ("AccessKeyId", bobKey));
        var used = Result(after, "GetAccessKeyLastUsed").Element(Ns + "AccessKeyLastUsed")!;
        // The GetAccessKeyLastUsed call itself (IAM, eu-west-2) is noted but not yet stored: the answer is the STS call.
        Assert.Equal("sts", used.Element(Ns + "ServiceName")!.Value);
        Assert.Equal("us-east-1", used.Element(Ns + "Region")!.Value);
        Assert.InRange(DateTimeOffset.Parse(used.Element(Ns + "LastUsedDate")!.Value), startedAt, DateTimeOffset.UtcNow);

        await _server.LastUsed.FlushAsync();
        var (_, latest) = await _server.IamAsync(bob, "GetAccessKeyLastUsed", ("AccessKeyId", bobKey));
        Assert.Equal("iam", Result(latest, "GetAccessKeyLastUsed").Element(Ns + "AccessKeyLastUsed")!.Element(Ns + "ServiceName")!.Value);
        Assert.Equal("eu-west-2", Result(latest, "GetAccessKeyLastUsed").Element(Ns + "AccessKeyLastUsed")!.Element(Ns + "Region")!.Value);
    }

    [Fact]
    public async Task Another_accounts_key_is_refused_and_an_unknown_key_is_not_found()
    {
        var bob = await _server.UserKeyAsync(A, "bob");
        var otherKey = await CreateUserKeyAsync(B, "elsewhere");

        var (refused, denied) = await _server.IamAsync(bob, "GetAccessKeyLastUsed", ("AccessKeyId", otherKey));
        var (missing, notFound) = await _server.IamAsync(bob, "GetAccessKeyLastUsed", ("AccessKeyId", "AKIANOSUCHKEY0000000"));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Equal("AccessDenied", Code(denied));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Equal("NoSuchEntity", Code(notFound));
        Assert.Equal("The Access Key with id AKIANOSUCHKEY0000000 cannot be found.", notFound.Descendants(Ns + "Message").Single().Value);
    }

    [Fact]
    public async Task A_role_is_used_by_its_sessions_and_get_role_says_when_and_where()
    {
        var bob = await _server.UserKeyAsync(A, "bob");
        var rootOfB = await RootOfAsync(B);
        var (_, before) = await _server.IamAsync(rootOfB, "GetRole", ("RoleName", ExampleOrganization.CrossAccountRole));

        Credentials session;
        using (var sts = _server.Sts(bob))
        {
            session = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "used" })).Credentials;
        }

        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-1);
        var asRole = new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);
        var (status, own) = await _server.IamAsync(asRole, "GetRole", ("RoleName", ExampleOrganization.CrossAccountRole));
        Assert.Equal(HttpStatusCode.Forbidden, status); // the role may only read S3, but using it is a use all the same
        Assert.Equal("AccessDenied", Code(own));
        await _server.LastUsed.FlushAsync();

        var role = (await _server.Store.GetRoleAsync(B, ExampleOrganization.CrossAccountRole))!.Value;
        Assert.Equal("eu-west-2", role.LastUsedRegion);
        Assert.InRange(role.LastUsedDate!.Value, startedAt, DateTimeOffset.UtcNow);

        var (_, answered) = await _server.IamAsync(rootOfB, "GetRole", ("RoleName", ExampleOrganization.CrossAccountRole));
        var lastUsed = Result(answered, "GetRole").Element(Ns + "Role")!.Element(Ns + "RoleLastUsed")!;
        Assert.Equal("eu-west-2", lastUsed.Element(Ns + "Region")!.Value);
        Assert.Equal(role.LastUsedDate!.Value.ToUnixTimeSeconds(), DateTimeOffset.Parse(lastUsed.Element(Ns + "LastUsedDate")!.Value).ToUnixTimeSeconds());
        Assert.Empty(Result(before, "GetRole").Element(Ns + "Role")!.Element(Ns + "RoleLastUsed")?.Elements() ?? []);
    }

    [Fact]
    public async Task A_cross_account_assume_role_is_recorded_under_the_roles_account()
    {
        var bob = await _server.UserKeyAsync(A, "bob");
        var alex = await _server.UserKeyAsync(A, "alex");
        using (var sts = _server.Sts(bob))
        {
            await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "trail" });
            await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        }

        using (var sts = _server.Sts(alex))
        {
            await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
                sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "refused" }));
        }

        await _server.Audit.FlushAsync();
        var events = await _server.Store.QueryAuditAsync(new AuditQuery { MaxResults = 1000 });
        var assumed = Assert.Single(events, e => e.EventName == "AssumeRole" && e.ErrorCode is null);
        Assert.Equal(B, assumed.RecipientAccountId);
        Assert.Contains($"\"accountId\":\"{A}\"", assumed.UserIdentity);

        // A refused call stays in the caller's account; other calls are the caller's too.
        Assert.Equal(A, Assert.Single(events, e => e.EventName == "AssumeRole" && e.ErrorCode is not null).RecipientAccountId);
        Assert.Equal(A, Assert.Single(events, e => e.EventName == "GetCallerIdentity").RecipientAccountId);
    }

    private async Task<string> CreateUserKeyAsync(string account, string userName)
    {
        (await _server.Services.Iam.CreateUserAsync(account, userName)).GetValueOrThrow();
        return (await _server.Services.Iam.CreateAccessKeyAsync(account, userName)).GetValueOrThrow().AccessKeyId;
    }

    private async Task<AWSCredentials> RootOfAsync(string account)
    {
        var key = await Crossgate.Server.Application.RootAccessKeys.CreateAsync(_server.Store, account);
        return new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey);
    }

    private static XElement Result(XElement body, string action) => body.Element(Ns + action + "Result")!;

    private static string Code(XElement body) => body.Descendants(Ns + "Code").Single().Value;
}
