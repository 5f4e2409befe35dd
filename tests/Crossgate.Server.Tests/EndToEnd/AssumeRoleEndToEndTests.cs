using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Storage;
using Tag = Amazon.SecurityToken.Model.Tag;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>The cross-account flows of the example organization through AWSSDK.SecurityToken against the real
/// endpoint and directory: STS refuses exactly when AWS would, with AWS's error.</summary>
public sealed class AssumeRoleEndToEndTests : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private const string B = ExampleOrganization.TargetB;
    private static readonly string CrossAccountRoleArn = $"arn:aws:iam::{B}:role/{ExampleOrganization.CrossAccountRole}";
    private static readonly string PlatformRoleArn = $"arn:aws:iam::{A}:role/{ExampleOrganization.PlatformRole}";
    private static readonly string ResponseRoleArn = $"arn:aws:iam::{B}:role/{ExampleOrganization.PlatformResponseRole}";

    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static async Task<AmazonServiceException> RefusedAsync(Task call) =>
        await Assert.ThrowsAnyAsync<AmazonServiceException>(() => call);

    private async Task<Credentials> AssumeAsync(AWSCredentials caller, AssumeRoleRequest request)
    {
        using var sts = _server.Sts(caller);
        return (await sts.AssumeRoleAsync(request)).Credentials;
    }

    private static SessionAWSCredentials AsSession(Credentials c) => new(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    [Fact]
    public async Task Root_of_the_management_account_is_itself()
    {
        using var sts = _server.Sts(_server.ManagementRoot);

        var identity = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(A, identity.Account);
        Assert.Equal($"arn:aws:iam::{A}:root", identity.Arn);
        Assert.Equal(A, identity.UserId);
    }

    [Fact]
    public async Task A_user_without_an_identity_policy_is_denied_across_accounts()
    {
        var alex = await _server.UserKeyAsync(A, "alex");

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "alex" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal($"User: arn:aws:iam::{A}:user/alex is not authorized to perform: sts:AssumeRole on resource: {CrossAccountRoleArn}", error.Message);
    }

    [Fact]
    public async Task With_an_inline_policy_the_user_gets_a_working_session_in_the_target_account()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeCrossAccount", "sts:AssumeRole", CrossAccountRoleArn);
        using var sts = _server.Sts(alex);

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "alex-session", DurationSeconds = 900 });
        using var session = _server.Sts(AsSession(response.Credentials));
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.StartsWith("ASIA", response.Credentials.AccessKeyId);
        Assert.Equal($"arn:aws:sts::{B}:assumed-role/{ExampleOrganization.CrossAccountRole}/alex-session", response.AssumedRoleUser.Arn);
        Assert.Matches("^AROA[A-Z0-9]{17}:alex-session$", response.AssumedRoleUser.AssumedRoleId);
        Assert.InRange((response.Credentials.Expiration!.Value.ToUniversalTime() - DateTime.UtcNow).TotalSeconds, 880, 905);
        Assert.Null(response.PackedPolicySize);
        Assert.Equal(B, identity.Account);
        Assert.Equal(response.AssumedRoleUser.Arn, identity.Arn);
        Assert.Equal(response.AssumedRoleUser.AssumedRoleId, identity.UserId);
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_denied_like_one_that_is_not_trusted()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        var missing = $"arn:aws:iam::{B}:role/NoSuchRole";
        await _server.AllowAsync(A, "alex", "AssumeAnything", "sts:AssumeRole", "*");

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest { RoleArn = missing, RoleSessionName = "alex" }));

        Assert.Equal("AccessDenied", error.ErrorCode);
        Assert.Equal($"User: arn:aws:iam::{A}:user/alex is not authorized to perform: sts:AssumeRole on resource: {missing}", error.Message);
    }

    [Fact]
    public async Task The_platform_role_needs_the_right_external_id_for_the_response_role()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumePlatform", "sts:AssumeRole", PlatformRoleArn);
        var platform = AsSession(await AssumeAsync(alex, new AssumeRoleRequest { RoleArn = PlatformRoleArn, RoleSessionName = "platform" }));
        var denied = $"User: arn:aws:sts::{A}:assumed-role/{ExampleOrganization.PlatformRole}/platform is not authorized to perform: sts:AssumeRole on resource: {ResponseRoleArn}";

        var without = await RefusedAsync(AssumeAsync(platform, new AssumeRoleRequest { RoleArn = ResponseRoleArn, RoleSessionName = "response" }));
        var wrong = await RefusedAsync(AssumeAsync(platform, new AssumeRoleRequest { RoleArn = ResponseRoleArn, RoleSessionName = "response", ExternalId = "not-the-id" }));
        var response = await AssumeAsync(platform, new AssumeRoleRequest { RoleArn = ResponseRoleArn, RoleSessionName = "response", ExternalId = ExampleOrganization.ExternalId });
        using var session = _server.Sts(AsSession(response));
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal(("AccessDenied", denied), (without.ErrorCode, without.Message));
        Assert.Equal(("AccessDenied", denied), (wrong.ErrorCode, wrong.Message));
        Assert.Equal($"arn:aws:sts::{B}:assumed-role/{ExampleOrganization.PlatformResponseRole}/response", identity.Arn);
    }

    [Fact]
    public async Task Alex_cannot_skip_the_platform_role()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeAnything", "sts:AssumeRole", "*");

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest
        {
            RoleArn = ResponseRoleArn, RoleSessionName = "direct", ExternalId = ExampleOrganization.ExternalId,
        }));

        Assert.Equal($"User: arn:aws:iam::{A}:user/alex is not authorized to perform: sts:AssumeRole on resource: {ResponseRoleArn}", error.Message);
    }

    [Fact]
    public async Task The_outsider_account_is_refused()
    {
        (await _server.Services.Iam.CreateUserAsync(ExampleOrganization.Outsider, "mallory")).GetValueOrThrow();
        var mallory = await _server.UserKeyAsync(ExampleOrganization.Outsider, "mallory");
        await _server.AllowAsync(ExampleOrganization.Outsider, "mallory", "AssumeAnything", "sts:AssumeRole", "*");

        var asUser = await RefusedAsync(AssumeAsync(mallory, new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "mallory" }));
        var asRoot = await RefusedAsync(AssumeAsync(_server.OutsiderRoot, new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "root" }));

        Assert.Equal("AccessDenied", asUser.ErrorCode);
        Assert.Equal($"User: arn:aws:iam::{ExampleOrganization.Outsider}:user/mallory is not authorized to perform: sts:AssumeRole on resource: {CrossAccountRoleArn}", asUser.Message);
        Assert.Equal(("AccessDenied", "Roles may not be assumed by root accounts."), (asRoot.ErrorCode, asRoot.Message));
    }

    [Fact]
    public async Task Role_chaining_is_limited_to_one_hour()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumePlatform", "sts:AssumeRole", PlatformRoleArn);
        var platform = AsSession(await AssumeAsync(alex, new AssumeRoleRequest { RoleArn = PlatformRoleArn, RoleSessionName = "platform" }));

        var error = await RefusedAsync(AssumeAsync(platform, new AssumeRoleRequest
        {
            RoleArn = ResponseRoleArn, RoleSessionName = "response", ExternalId = ExampleOrganization.ExternalId, DurationSeconds = 3601,
        }));
        var hour = await AssumeAsync(platform, new AssumeRoleRequest
        {
            RoleArn = ResponseRoleArn, RoleSessionName = "response", ExternalId = ExampleOrganization.ExternalId, DurationSeconds = 3600,
        });

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal("The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.", error.Message);
        Assert.InRange((hour.Expiration!.Value.ToUniversalTime() - DateTime.UtcNow).TotalSeconds, 3580, 3605);
    }

    [Theory]
    [InlineData(7200, "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.")]
    [InlineData(899, "1 validation error detected: Value '899' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900")]
    [InlineData(43201, "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200")]
    public async Task Durations_outside_the_role_limits_are_refused(int seconds, string message)
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeCrossAccount", "sts:AssumeRole", CrossAccountRoleArn);

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "alex", DurationSeconds = seconds }));

        Assert.Equal(("ValidationError", message), (error.ErrorCode, error.Message));
    }

    [Theory]
    [InlineData("has space", "1 validation error detected: Value 'has space' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*")]
    [InlineData("x", "1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2")]
    public async Task Session_names_are_validated(string name, string message)
    {
        var alex = await _server.UserKeyAsync(A, "alex");

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = name }));

        Assert.Equal(("ValidationError", message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task A_session_policy_limits_the_session_and_reports_its_packed_size()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeCrossAccount", "sts:AssumeRole", CrossAccountRoleArn);
        using var sts = _server.Sts(alex);
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "scoped", Policy = policy });
        var malformed = await RefusedAsync(sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "scoped", Policy = "{not json" }));
        var huge = await RefusedAsync(sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = CrossAccountRoleArn, RoleSessionName = "scoped", Policy = IncompressiblePolicy() }));
        var stored = _server.SessionOf(response.Credentials);

        Assert.InRange(response.PackedPolicySize!.Value, 1, 100);
        Assert.Equal(policy, stored!.SessionPolicy);
        Assert.Equal("MalformedPolicyDocument", malformed.ErrorCode);
        Assert.Equal("PackedPolicyTooLarge", huge.ErrorCode);
        Assert.Matches(@"^Packed policy consumes \d+% of allotted space, please use smaller policy\.$", huge.Message);
    }

    [Fact]
    public async Task Session_tags_need_sts_TagSession_in_the_trust_policy()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeCrossAccount", "sts:*", CrossAccountRoleArn);

        var error = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest
        {
            RoleArn = CrossAccountRoleArn, RoleSessionName = "tagged", Tags = [new Tag { Key = "Project", Value = "crossgate" }],
        }));
        var duplicate = await RefusedAsync(AssumeAsync(alex, new AssumeRoleRequest
        {
            RoleArn = CrossAccountRoleArn, RoleSessionName = "tagged",
            Tags = [new Tag { Key = "Project", Value = "a" }, new Tag { Key = "project", Value = "b" }],
        }));

        Assert.Equal(("AccessDenied", $"User: arn:aws:iam::{A}:user/alex is not authorized to perform: sts:TagSession on resource: {CrossAccountRoleArn}"),
            (error.ErrorCode, error.Message));
        Assert.Equal("InvalidParameterValue", duplicate.ErrorCode);
    }

    [Fact]
    public async Task Session_tags_and_source_identity_are_kept_when_the_trust_policy_allows_them()
    {
        (await _server.Services.Iam.CreateRoleAsync(B, "Tagged",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{A}}:root"},"Action":["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]}]}""")).GetValueOrThrow();
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumeTagged", "sts:*", $"arn:aws:iam::{B}:role/Tagged");
        using var sts = _server.Sts(alex);

        var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{B}:role/Tagged", RoleSessionName = "tagged", SourceIdentity = "alex@example.com",
            Tags = [new Tag { Key = "Project", Value = "crossgate" }], TransitiveTagKeys = ["Project"],
        });
        var stored = _server.SessionOf(response.Credentials);

        Assert.Equal("alex@example.com", response.SourceIdentity);
        Assert.NotNull(response.PackedPolicySize);
        Assert.Equal([new Crossgate.Directory.Model.Tag("Project", "crossgate")], stored!.SessionTags);
        Assert.Equal(["Project"], stored.TransitiveTagKeys);
    }

    [Fact]
    public async Task GetSessionToken_checks_the_users_MFA_code()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        var device = (await _server.Services.Iam.CreateVirtualMfaDeviceAsync(A, "alex-phone")).GetValueOrThrow();
        var now = DateTimeOffset.UtcNow;
        var seed = Totp.Base32Decode(device.Base32Seed);
        var step = now.ToUnixTimeSeconds() / Totp.StepSeconds;
        (await _server.Services.Iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber, Totp.CodeAt(seed, step - 1), Totp.CodeAt(seed, step))).GetValueOrThrow();
        using var sts = _server.Sts(alex);
        var wrongCode = Totp.CodeAt(seed, step + 5);

        var response = await sts.GetSessionTokenAsync(new GetSessionTokenRequest { SerialNumber = device.SerialNumber, TokenCode = Totp.Code(device.Base32Seed, DateTimeOffset.UtcNow) });
        var wrong = await RefusedAsync(sts.GetSessionTokenAsync(new GetSessionTokenRequest { SerialNumber = device.SerialNumber, TokenCode = wrongCode }));
        using var session = _server.Sts(AsSession(response.Credentials));
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var stored = _server.SessionOf(response.Credentials);
        var again = await RefusedAsync(session.GetSessionTokenAsync(new GetSessionTokenRequest()));

        Assert.InRange((response.Credentials.Expiration!.Value.ToUniversalTime() - DateTime.UtcNow).TotalSeconds, 43100, 43205);
        Assert.Equal($"arn:aws:iam::{A}:user/alex", identity.Arn);
        Assert.True(stored!.MfaAuthenticated);
        Assert.Equal(("AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code."), (wrong.ErrorCode, wrong.Message));
        Assert.Equal("AccessDenied", again.ErrorCode);
    }

    [Fact]
    public async Task GetAccessKeyInfo_names_the_account_of_a_key()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        var outsider = _server.OutsiderRoot.GetCredentials().AccessKey;
        using var sts = _server.Sts(_server.ManagementRoot);

        var info = await sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = outsider });
        var denied = await RefusedAsync(_server.Sts(alex).GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = outsider }));

        Assert.Equal(ExampleOrganization.Outsider, info.Account);
        Assert.Equal("AccessDenied", denied.ErrorCode);
    }

    private static string IncompressiblePolicy()
    {
        var random = new Random(7);
        var resources = Enumerable.Range(0, 60).Select(_ => "\"arn:aws:s3:::" + string.Concat(Enumerable.Range(0, 40).Select(_ => (char)('a' + random.Next(26)))) + "\"");
        return $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":[{{string.Join(",", resources)}}]}]}""";
    }
}
