using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Crossgate.Server.Errors;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Signing;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Wire;

/// <summary>The real AWS SDK for .NET (AWSSDK.SecurityToken) against the endpoint: its signatures must verify.</summary>
public sealed class AwsSdkTests
{
    private const string AccessKeyId = "AKIACROSSGATE0000001";
    private const string Secret = "crossgate/Secret+Key/For/Sdk/Tests/0000000";
    private const string SessionKeyId = "ASIACROSSGATE0000001";
    private const string SessionSecret = "session/Secret+Key/For/Sdk/Tests/11111111";
    private const string SessionToken = "FwoGZXIvYXdzEBYaDCrossgate/Session+Token==";

    private static InMemoryCredentials Credentials() => new InMemoryCredentials()
        .Add(new ResolvedCredential(AccessKeyId, Secret, new CallerIdentity("123456789012", "arn:aws:iam::123456789012:user/alice", "AIDACROSSGATEALICE01")))
        .Add(new ResolvedCredential(SessionKeyId, SessionSecret,
            new CallerIdentity("210987654321", "arn:aws:sts::210987654321:assumed-role/Admin/alice", "AROACROSSGATEADMIN01:alice"))
        {
            SessionToken = SessionToken,
            Expiration = DateTimeOffset.UtcNow.AddHours(1),
        });

    private static AmazonSecurityTokenServiceClient Client(ServerFixture server, AWSCredentials credentials, string region = "us-east-1") =>
        new(credentials, new AmazonSecurityTokenServiceConfig
        {
            ServiceURL = server.BaseAddress.ToString(),
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
        });

    [Fact]
    public async Task GetCallerIdentity_signed_by_the_SDK_verifies()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new BasicAWSCredentials(AccessKeyId, Secret));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("123456789012", identity.Account);
        Assert.Equal("arn:aws:iam::123456789012:user/alice", identity.Arn);
        Assert.Equal("AIDACROSSGATEALICE01", identity.UserId);
        Assert.False(string.IsNullOrEmpty(identity.ResponseMetadata.RequestId));
    }

    [Theory]
    [InlineData("eu-central-1")]
    [InlineData("ap-southeast-2")]
    public async Task Any_region_is_accepted(string region)
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new BasicAWSCredentials(AccessKeyId, Secret), region);

        Assert.Equal("123456789012", (await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest())).Account);
    }

    [Fact]
    public async Task Session_credentials_signed_by_the_SDK_verify()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new SessionAWSCredentials(SessionKeyId, SessionSecret, SessionToken));

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal("arn:aws:sts::210987654321:assumed-role/Admin/alice", identity.Arn);
    }

    [Fact]
    public async Task Wrong_secret_surfaces_as_SignatureDoesNotMatch()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new BasicAWSCredentials(AccessKeyId, Secret + "wrong"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.Equal(AuthErrors.SignatureDoesNotMatchMessage, error.Message);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ErrorType.Sender, error.ErrorType);
    }

    [Fact]
    public async Task Unknown_key_surfaces_as_InvalidClientTokenId()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new BasicAWSCredentials("AKIAUNKNOWN000000000", Secret));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
        Assert.Equal("The security token included in the request is invalid.", error.Message);
    }

    [Fact]
    public async Task Wrong_session_token_surfaces_as_InvalidClientTokenId()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(),
            r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", StsHandlers.GetCallerIdentity));
        using var sts = Client(server, new SessionAWSCredentials(SessionKeyId, SessionSecret, SessionToken + "x"));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task SDK_serialized_AssumeRole_lists_and_structures_reach_the_handler_and_the_SDK_reads_the_answer()
    {
        QueryParameters? seen = null;
        var expiration = new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r.MapQuery(AwsService.Sts, "AssumeRole", (request, _) =>
        {
            seen = request.Parameters;
            return ValueTask.FromResult(QueryResponse.Ok(result => result
                .Struct("Credentials", c => c
                    .Element("AccessKeyId", "ASIANEWSESSION000001")
                    .Element("SecretAccessKey", "new-secret")
                    .Element("SessionToken", "new-token")
                    .Element("Expiration", expiration, milliseconds: true))
                .Struct("AssumedRoleUser", u => u
                    .Element("AssumedRoleId", "AROATARGET0000000001:" + request.Parameters.Get("RoleSessionName"))
                    .Element("Arn", "arn:aws:sts::222222222222:assumed-role/Target/" + request.Parameters.Get("RoleSessionName")))
                .Element("PackedPolicySize", 6)
                .Element("SourceIdentity", request.Parameters.Get("SourceIdentity"))));
        }));
        using var sts = Client(server, new BasicAWSCredentials(AccessKeyId, Secret));

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::222222222222:role/Target",
            RoleSessionName = "alice-session",
            ExternalId = "ext=1,2@x/y:z",
            DurationSeconds = 1800,
            SourceIdentity = "alice",
            Tags = [new Tag { Key = "team", Value = "blue/green" }, new Tag { Key = "cost center", Value = "42" }],
            TransitiveTagKeys = ["team"],
            PolicyArns = [new PolicyDescriptorType { Arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
        });

        Assert.Equal("ext=1,2@x/y:z", seen!.Get("ExternalId"));
        Assert.Equal("1800", seen.Get("DurationSeconds"));
        var tags = seen.StructList("Tags");
        Assert.Equal(["team", "cost center"], tags.Select(t => t.Get("Key")));
        Assert.Equal(["blue/green", "42"], tags.Select(t => t.Get("Value")));
        Assert.Equal(["team"], seen.List("TransitiveTagKeys"));
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", seen.StructList("PolicyArns").Single().Get("arn"));
        Assert.Contains("\"Action\":\"s3:*\"", seen.Get("Policy"));

        Assert.Equal("ASIANEWSESSION000001", response.Credentials.AccessKeyId);
        Assert.Equal("new-token", response.Credentials.SessionToken);
        Assert.Equal(expiration.UtcDateTime, response.Credentials.Expiration!.Value.ToUniversalTime());
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/Target/alice-session", response.AssumedRoleUser.Arn);
#pragma warning disable CS0618 // still on the wire; the SDK marks it deprecated
        Assert.Equal(6, response.PackedPolicySize);
#pragma warning restore CS0618
        Assert.Equal("alice", response.SourceIdentity);
    }

    [Fact]
    public async Task Handler_error_surfaces_with_its_code_and_message()
    {
        await using var server = await ServerFixture.StartAsync(Credentials(), r => r.MapQuery(AwsService.Sts, "AssumeRole", (_, _) =>
            ValueTask.FromResult<QueryResponse>(new AwsError("AccessDenied",
                "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Target", 403))));
        using var sts = Client(server, new BasicAWSCredentials(AccessKeyId, Secret));

        var error = await Assert.ThrowsAsync<AmazonSecurityTokenServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = "arn:aws:iam::222222222222:role/Target",
            RoleSessionName = "s1",
        }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.StartsWith("User: arn:aws:iam::123456789012:user/alice is not authorized", error.Message);
    }
}
