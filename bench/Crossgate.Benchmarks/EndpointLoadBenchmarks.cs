using BenchmarkDotNet.Attributes;
using Crossgate.Directory;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;
using Crossgate.Platform.Aws;
using Crossgate.Server.Application;
using Crossgate.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Crossgate.Benchmarks;

/// <summary>Requests per second on loopback against an in-process Crossgate endpoint over a SQLite store holding the
/// example organization: unauthenticated <c>GET /health</c> (the ceiling), signed <c>GetCallerIdentity</c>, and
/// signed cross-account <c>AssumeRole</c> (engine decision and a stored session). Each invocation sends
/// <see cref="Concurrency"/> requests at once, so the mean per operation is the inverse of throughput.</summary>
[MemoryDiagnoser]
public class EndpointLoadBenchmarks
{
    private const int Concurrency = 32;
    private string _dataDir = null!;
    private IDirectoryStore _store = null!;
    private CrossgateServer _server = null!;
    private HttpClient _http = null!;
    private QueryClient _sts = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _dataDir = Path.Combine(Path.GetTempPath(), $"crossgate-load-{Guid.NewGuid():N}");
        _store = await DirectoryStoreFactory.OpenAsync(_dataDir);
        (await ExampleOrganization.CreateAsync(_store)).GetValueOrThrow();
        var services = new CrossgateServices(_store);
        (await services.Iam.PutUserPolicyAsync("111111111111", "alex", "assume-b",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/CrossAccount-B"}]}""")).GetValueOrThrow();
        var key = (await services.Iam.CreateAccessKeyAsync("111111111111", "alex")).GetValueOrThrow();

        _server = CrossgateServer.Create(
            new CrossgateServerOptions { Port = 0 },
            new DirectoryCredentialResolver(services),
            registry => ServiceRegistration.RegisterAll(registry, services),
            configureLogging: logging => logging.SetMinimumLevel(LogLevel.None));
        await _server.StartAsync();
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency });
        var target = new AwsTarget(_server.BaseAddress);
        _sts = new QueryClient(_http, target, new AwsCredentialSet(key.AccessKeyId, key.SecretAccessKey, null), "sts", "2011-06-15");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _server.DisposeAsync();
        await _store.DisposeAsync();
        _http.Dispose();
        System.IO.Directory.Delete(_dataDir, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Concurrency)]
    public Task Health() => Many(async () =>
    {
        using var response = await _http.GetAsync(new Uri(_server.BaseAddress, "/health"));
        response.EnsureSuccessStatusCode();
    });

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SignedGetCallerIdentity() => Many(() => _sts.CallAsync("GetCallerIdentity", [], CancellationToken.None));

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task SignedAssumeRole() => Many(() => _sts.CallAsync("AssumeRole",
        [new("RoleArn", "arn:aws:iam::222222222222:role/CrossAccount-B"), new("RoleSessionName", "load")], CancellationToken.None));

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
