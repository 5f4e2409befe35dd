using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Storage;
using Tag = Amazon.SecurityToken.Model.Tag;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>What a session carries: MFA, session policies, source identity and transitive tags down a role chain.</summary>
public sealed class SessionChainEndToEndTests : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static SessionAWSCredentials AsSession(Credentials c) => new(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);

    private async Task<string> RoleAsync(string name, string trustedPrincipalArn, string actions, string? condition = null, string? permissions = null)
    {
        var conditionJson = condition is null ? string.Empty : $",\"Condition\":{condition}";
        var role = (await _server.Services.Iam.CreateRoleAsync(A, name,
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"{{trustedPrincipalArn}}"},"Action":{{actions}}{{conditionJson}}}]}""")).GetValueOrThrow();
        if (permissions is not null)
        {
            (await _server.Services.Iam.PutRolePolicyAsync(A, name, "Permissions", permissions)).GetValueOrThrow();
        }

        return role.Arn;
    }

    [Fact]
    public async Task A_trust_policy_requiring_MFA_accepts_only_a_valid_code_from_the_users_device()
    {
        var alexArn = $"arn:aws:iam::{A}:user/alex";
        var roleArn = await RoleAsync("NeedsMfa", alexArn, "\"sts:AssumeRole\"", """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}""");
        var device = (await _server.Services.Iam.CreateVirtualMfaDeviceAsync(A, "alex-phone")).GetValueOrThrow();
        var seed = Totp.Base32Decode(device.Base32Seed);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / Totp.StepSeconds;
        (await _server.Services.Iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber, Totp.CodeAt(seed, step - 1), Totp.CodeAt(seed, step))).GetValueOrThrow();
        using var sts = _server.Sts(await _server.UserKeyAsync(A, "alex"));

        var without = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "s1" }));
        var wrongDevice = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn, RoleSessionName = "s2", SerialNumber = $"arn:aws:iam::{A}:mfa/someone-else", TokenCode = "123456",
        }));
        var with = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn, RoleSessionName = "s3", SerialNumber = device.SerialNumber, TokenCode = Totp.Code(device.Base32Seed, DateTimeOffset.UtcNow),
        });
        var stored = _server.SessionOf(with.Credentials)!;

        Assert.Equal(($"User: {alexArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}"), without.Message);
        Assert.Equal("MultiFactorAuthentication failed, unable to validate MFA code.", wrongDevice.Message);
        Assert.True(stored.MfaAuthenticated);
        Assert.NotNull(stored.MfaAuthTime);
    }

    [Fact]
    public async Task A_session_policy_narrows_what_the_session_may_do()
    {
        var alexArn = $"arn:aws:iam::{A}:user/alex";
        var roleArn = await RoleAsync("Broad", alexArn, "\"sts:AssumeRole\"",
            permissions: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        using var sts = _server.Sts(await _server.UserKeyAsync(A, "alex"));
        var probe = _server.ManagementRoot.GetCredentials().AccessKey;

        var full = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "full" });
        var narrow = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = roleArn, RoleSessionName = "narrow",
            Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
        });
        using var fullSession = _server.Sts(AsSession(full.Credentials));
        using var narrowSession = _server.Sts(AsSession(narrow.Credentials));
        var allowed = await fullSession.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = probe });
        var denied = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => narrowSession.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest { AccessKeyId = probe }));

        Assert.Equal(A, allowed.Account);
        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal($"User: arn:aws:sts::{A}:assumed-role/Broad/narrow is not authorized to perform: sts:GetAccessKeyInfo because no session policy allows the sts:GetAccessKeyInfo action", denied.Message);
    }

    [Fact]
    public async Task Source_identity_and_transitive_tags_carry_down_the_chain()
    {
        var alexArn = $"arn:aws:iam::{A}:user/alex";
        const string everything = """["sts:AssumeRole","sts:TagSession","sts:SetSourceIdentity"]""";
        var secondArn = await RoleAsync("Second", $"arn:aws:iam::{A}:role/First", everything);
        var firstArn = await RoleAsync("First", alexArn, everything,
            permissions: $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"{{secondArn}}"}]}""");
        using var sts = _server.Sts(await _server.UserKeyAsync(A, "alex"));
        var first = await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = firstArn, RoleSessionName = "first", SourceIdentity = "alex",
            Tags = [new Tag { Key = "Team", Value = "blue" }, new Tag { Key = "Ticket", Value = "42" }], TransitiveTagKeys = ["Team"],
        });
        using var firstSession = _server.Sts(AsSession(first.Credentials));

        var second = await firstSession.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = secondArn, RoleSessionName = "second" });
        var changed = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => firstSession.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = secondArn, RoleSessionName = "second", SourceIdentity = "mallory",
        }));
        var overridden = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => firstSession.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = secondArn, RoleSessionName = "second", Tags = [new Tag { Key = "team", Value = "red" }],
        }));
        var stored = _server.SessionOf(second.Credentials)!;

        Assert.Equal("alex", second.SourceIdentity);
        Assert.Equal("alex", stored.SourceIdentity);
        Assert.True(stored.Chained);
        Assert.Equal([new Crossgate.Directory.Model.Tag("Team", "blue")], stored.SessionTags);
        Assert.Equal(["Team"], stored.TransitiveTagKeys);
        Assert.Equal("InvalidParameterValue", changed.ErrorCode);
        Assert.Equal("InvalidParameterValue", overridden.ErrorCode);
    }

    [Fact]
    public async Task Root_sessions_from_GetSessionToken_last_at_most_an_hour_and_cannot_assume_roles()
    {
        using var sts = _server.Sts(_server.ManagementRoot);

        var token = await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 7200 });
        using var session = _server.Sts(AsSession(token.Credentials));
        var identity = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        var refused = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => session.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{A}:role/{ExampleOrganization.PlatformRole}", RoleSessionName = "root",
        }));

        Assert.InRange((token.Credentials.Expiration!.Value.ToUniversalTime() - DateTime.UtcNow).TotalSeconds, 3580, 3605);
        Assert.Equal($"arn:aws:iam::{A}:root", identity.Arn);
        Assert.Equal("Roles may not be assumed by root accounts.", refused.Message);
    }
}
