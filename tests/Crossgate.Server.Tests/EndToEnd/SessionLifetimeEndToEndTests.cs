using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>Session credentials are accepted until they expire, then refused as AWS refuses them; requests that
/// break several constraints are told about all of them at once.</summary>
public sealed class SessionLifetimeEndToEndTests : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task An_expired_session_answers_ExpiredToken()
    {
        var alex = await _server.UserKeyAsync(A, "alex");
        await _server.AllowAsync(A, "alex", "AssumePlatform", "sts:AssumeRole", $"arn:aws:iam::{A}:role/{ExampleOrganization.PlatformRole}");
        using var sts = _server.Sts(alex);
        var credentials = (await sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{A}:role/{ExampleOrganization.PlatformRole}", RoleSessionName = "short",
        })).Credentials;
        using var session = _server.Sts(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        var before = await session.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        // Age the session instead of the clock, so that the SDK's signing time stays fresh: the same session sealed
        // by the server with an expiry in the past, as the token would read an hour later.
        var aged = _server.SessionOf(credentials)! with { Expiration = DateTimeOffset.UtcNow.AddSeconds(-1) };
        using var expired = _server.Sts(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, _server.Services.SessionTokens.Seal(aged)));
        var after = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => expired.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal($"arn:aws:sts::{A}:assumed-role/{ExampleOrganization.PlatformRole}/short", before.Arn);
        Assert.Equal(("ExpiredToken", "The security token included in the request is expired"), (after.ErrorCode, after.Message));
    }

    [Fact]
    public async Task A_wrong_session_token_is_refused()
    {
        using var sts = _server.Sts(_server.ManagementRoot);
        var credentials = (await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 900 })).Credentials;
        using var forged = _server.Sts(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken[..^4] + "AAAA"));

        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => forged.GetCallerIdentityAsync(new GetCallerIdentityRequest()));

        Assert.Equal("InvalidClientTokenId", error.ErrorCode);
    }

    [Fact]
    public async Task Every_broken_constraint_is_reported()
    {
        using var sts = _server.Sts(_server.ManagementRoot);

        var error = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => sts.AssumeRoleAsync(new AssumeRoleRequest
        {
            RoleArn = $"arn:aws:iam::{A}:role/{ExampleOrganization.PlatformRole}", RoleSessionName = "x", DurationSeconds = 100, ExternalId = "a b",
        }));

        Assert.Equal("ValidationError", error.ErrorCode);
        Assert.Equal(
            "3 validation errors detected: " +
            "Value 'x' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2; " +
            "Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900; " +
            "Value 'a b' at 'externalId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*",
            error.Message);
    }
}
