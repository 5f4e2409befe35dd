using BenchmarkDotNet.Attributes;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Crossgate.Server.Services.Audit;
using Microsoft.Extensions.Logging;

namespace Crossgate.Benchmarks;

/// <summary>Requests per second on loopback against an in-process Crossgate endpoint configured as <c>serve</c> is
/// (audit trail on, access log off) over a store holding the example organization: unauthenticated
/// <c>GET /health</c> (the ceiling), signed <c>GetCallerIdentity</c>, and signed cross-account <c>AssumeRole</c> by
/// a user of member account C (identity policy, SCPs of C's OU) into a role of account B (trust policy, RCPs).
/// Each invocation sends <see cref="Concurrency"/> requests at once, so the mean per operation is the inverse of
/// throughput. The signed calls' client (<see cref="SignedQueryCaller"/>) signs every request in full but caches
/// what an SDK caches and checks the answer's bytes without an XML tree, so the comparison with <c>/health</c> is
/// mostly the server's. SQLite by default; <c>CROSSGATE_BENCH_POSTGRES=CONNSTRING</c> runs the same over PostgreSQL, in a new
/// database per benchmark created (and dropped) through that connection.</summary>
[MemoryDiagnoser]
public class EndpointLoadBenchmarks
{
    public const string PostgresVariable = "CROSSGATE_BENCH_POSTGRES";
    private const int Concurrency = 32;
    private const string TargetRoleArn = $"arn:aws:iam::{ExampleOrganization.TargetB}:role/FromC";

    private string _dataDir = null!;
    private IDirectoryStore _store = null!;
    private AuditTrailObserver _trail = null!;
    private CrossgateServer _server = null!;
    private HttpClient _http = null!;
    private Uri _health = null!;
    private SignedQueryCaller _getCallerIdentity = null!;
    private SignedQueryCaller _assumeRole = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), $"crossgate-load-{Guid.NewGuid():N}");
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? await NewDatabaseAsync(server) : null;
        _store = await DirectoryStoreFactory.OpenAsync(_dataDir, postgres);
        (await ExampleOrganization.CreateAsync(_store)).GetValueOrThrow();
        var services = new CrossgateServices(_store);
        const string c = ExampleOrganization.TargetC;
        (await services.Iam.CreateRoleAsync(ExampleOrganization.TargetB, "FromC",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{c}}:root"},"Action":"sts:AssumeRole"}]}""")).GetValueOrThrow();
        (await services.Iam.CreateUserAsync(c, "carol")).GetValueOrThrow();
        (await services.Iam.PutUserPolicyAsync(c, "carol", "assume-b",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{TargetRoleArn}}"}]}""")).GetValueOrThrow();
        var key = (await services.Iam.CreateAccessKeyAsync(c, "carol")).GetValueOrThrow();

        _trail = new AuditTrailObserver(_store);
        _server = CrossgateServer.Create(
            new CrossgateServerOptions { Port = 0 },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            observers: [_trail],
            configureLogging: logging => logging.SetMinimumLevel(LogLevel.Warning));
        await _server.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        _health = new Uri(_server.BaseAddress, "/health");
        _getCallerIdentity = new SignedQueryCaller(_http, _server.BaseAddress, key.AccessKeyId, key.SecretAccessKey, "sts", "2011-06-15",
            "GetCallerIdentity", []);
        _assumeRole = new SignedQueryCaller(_http, _server.BaseAddress, key.AccessKeyId, key.SecretAccessKey, "sts", "2011-06-15",
            "AssumeRole", [new("RoleArn", TargetRoleArn), new("RoleSessionName", "load")]);
    }

    private static async Task<string> NewDatabaseAsync(string server)
    {
        var name = "cg_bench_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _server.DisposeAsync();
        await _trail.DisposeAsync();
        await _store.DisposeAsync();
        _http.Dispose();
        if (System.IO.Directory.Exists(_dataDir))
        {
            System.IO.Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task Health() => Many(async () =>
    {
        using var response = await _http.GetAsync(_health);
        response.EnsureSuccessStatusCode();
    });

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SignedGetCallerIdentity() => Many(_getCallerIdentity.CallAsync);

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SignedCrossAccountAssumeRole() => Many(_assumeRole.CallAsync);

    private static Task Many(Func<Task> call)
    {
        var tasks = new Task[Concurrency];
        for (var i = 0; i < Concurrency; i++)
        {
            tasks[i] = call();
        }

        return Task.WhenAll(tasks);
    }
}
