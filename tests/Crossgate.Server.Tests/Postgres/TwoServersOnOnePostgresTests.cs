using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Sessions;
using Crossgate.Directory.Storage;
using Crossgate.Tests.Shared;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.Postgres;

/// <summary>Two Crossgate servers, each with its own connections to one PostgreSQL database (as two
/// <c>crossgate serve</c> processes would have) and the same session token key: each answers from its in-memory
/// view, and a write through one is seen by the other once PostgreSQL's notification arrives.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoServersOnOnePostgresTests(PostgresServer postgres) : IAsyncLifetime
{
    private const string A = ExampleOrganization.Management;
    private static readonly string CrossAccountRoleArn = $"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.CrossAccountRole}";
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(5);

    private readonly SessionTokenSealer _sharedKey = SessionTokenSealer.WithRandomKey();
    private Node _first = null!;
    private Node _second = null!;

    public async Task InitializeAsync()
    {
        var connection = await postgres.CreateDatabaseAsync();
        _first = await Node.StartAsync(connection, _sharedKey);
        (await ExampleOrganization.CreateAsync(_first.Store)).GetValueOrThrow();
        _second = await Node.StartAsync(connection, _sharedKey);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task A_policy_written_through_one_server_grants_on_the_other()
    {
        var key = (await _first.Services.Iam.CreateAccessKeyAsync(A, "alex")).GetValueOrThrow();
        var alex = new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey);
        using var onSecond = _second.Sts(alex);
        var denied = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => onSecond.AssumeRoleAsync(Assume()));

        (await _first.Services.Iam.PutUserPolicyAsync(A, "alex", "AssumeB",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{CrossAccountRoleArn}}"}]}""")).GetValueOrThrow();
        var granted = await EventuallyAsync(() => onSecond.AssumeRoleAsync(Assume()));

        Assert.Equal("AccessDenied", denied.ErrorCode);
        Assert.Equal($"arn:aws:sts::{ExampleOrganization.TargetB}:assumed-role/{ExampleOrganization.CrossAccountRole}/two-servers", granted.AssumedRoleUser.Arn);
    }

    [Fact]
    public async Task A_key_deleted_through_one_server_is_refused_by_the_other()
    {
        var key = (await _first.Services.Iam.CreateAccessKeyAsync(A, "alex")).GetValueOrThrow();
        using var onSecond = _second.Sts(new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey));
        var before = await onSecond.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        (await _first.Services.Iam.DeleteAccessKeyAsync(A, "alex", key.AccessKeyId)).GetValueOrThrow();
        var refused = await EventuallyAsync(async () =>
        {
            try
            {
                await onSecond.GetCallerIdentityAsync(new GetCallerIdentityRequest());
                throw new InvalidOperationException("still accepted");
            }
            catch (AmazonServiceException e)
            {
                return e;
            }
        });

        Assert.Equal($"arn:aws:iam::{A}:user/alex", before.Arn);
        Assert.Equal("InvalidClientTokenId", refused.ErrorCode);
    }

    [Fact]
    public async Task A_session_issued_by_one_server_is_accepted_by_the_other_without_a_store_write()
    {
        var key = (await _first.Services.Iam.CreateAccessKeyAsync(A, "alex")).GetValueOrThrow();
        (await _first.Services.Iam.PutUserPolicyAsync(A, "alex", "AssumeB",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{CrossAccountRoleArn}}"}]}""")).GetValueOrThrow();
        using var onFirst = _first.Sts(new BasicAWSCredentials(key.AccessKeyId, key.SecretAccessKey));

        var credentials = (await onFirst.AssumeRoleAsync(Assume())).Credentials;
        using var sessionOnSecond = _second.Sts(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));
        var identity = await sessionOnSecond.GetCallerIdentityAsync(new GetCallerIdentityRequest());

        Assert.Equal($"arn:aws:sts::{ExampleOrganization.TargetB}:assumed-role/{ExampleOrganization.CrossAccountRole}/two-servers", identity.Arn);
        Assert.Empty(await _first.Store.ListScopesAsync(EntityKinds.Sessions));
    }

    private static AssumeRoleRequest Assume() => new() { RoleArn = CrossAccountRoleArn, RoleSessionName = "two-servers" };

    /// <summary>Retries until the call succeeds or <see cref="PropagationLimit"/> passes (then its error is thrown).</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> call)
    {
        var deadline = DateTime.UtcNow + PropagationLimit;
        while (true)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }

    private sealed class Node : IAsyncDisposable
    {
        private Node(IDirectoryStore store, CrossgateServices services, CrossgateServer server) => (Store, Services, Server) = (store, services, server);

        public IDirectoryStore Store { get; }

        public CrossgateServices Services { get; }

        public CrossgateServer Server { get; }

        public static async Task<Node> StartAsync(string connectionString, SessionTokenSealer key)
        {
            var store = await DirectoryStoreFactory.OpenAsync(postgresConnectionString: connectionString);
            var services = new CrossgateServices(store, sessionTokens: key);
            var server = CrossgateServer.Create(
                new CrossgateServerOptions { Host = "127.0.0.1", Port = 0 },
                new DirectoryCredentialResolver(services),
                registry => ServiceRegistration.RegisterAll(registry, services),
                configureLogging: logging => logging.SetMinimumLevel(LogLevel.Warning));
            await server.StartAsync();
            return new Node(store, services, server);
        }

        public AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) =>
            new(credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = Server.BaseAddress.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

        public async ValueTask DisposeAsync()
        {
            await Server.StopAsync();
            await Server.DisposeAsync();
            await Services.View.DisposeAsync();
            await Store.DisposeAsync();
        }
    }
}
