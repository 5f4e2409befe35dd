using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Crossgate.Analysis;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;
using Crossgate.Directory;
using Crossgate.Directory.Import;
using Crossgate.Directory.Storage;

namespace Crossgate.Benchmarks;

/// <summary>The access graph of a generated organization (<c>bench/access/generate-organization.py</c>, imported as
/// <c>crossgate import</c> would): reading the store, building the graph, the findings, and <c>reach</c> /
/// <c>who-can</c> on the built graph. <c>ACCESS_BENCH_ACCOUNTS</c> sets the size (default 1,000 accounts × 20 roles ×
/// 10 users).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AccessGraphBenchmarks
{
    private string _folder = null!;
    private IDirectoryStore _store = null!;
    private StoreSnapshot _snapshot = null!;
    private AccessGraph _graph = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var accounts = Environment.GetEnvironmentVariable("ACCESS_BENCH_ACCOUNTS") ?? "1000";
        // Each benchmark runs in its own process: the imported store is kept (per size) and shared by them.
        _folder = Path.Combine(Path.GetTempPath(), $"crossgate-access-bench-{accounts}");
        var done = Path.Combine(_folder, "imported");
        if (!File.Exists(done))
        {
            var files = Path.Combine(_folder, "org");
            var script = Path.Combine(RepositoryRoot(), "bench", "access", "generate-organization.py");
            using (var generator = Process.Start(new ProcessStartInfo("python3", [script, files, accounts]))!)
            {
                await generator.WaitForExitAsync();
            }

            await using var importStore = await DirectoryStoreFactory.OpenAsync(Path.Combine(_folder, "store"));
            var report = await new AuthorizationDetailsImporter(importStore).ImportFilesAsync(System.IO.Directory.GetFiles(files, "*.json"));
            if (report.HasErrors)
            {
                throw new InvalidOperationException(report.ToString());
            }

            await File.WriteAllTextAsync(done, accounts);
        }

        _store = await DirectoryStoreFactory.OpenAsync(Path.Combine(_folder, "store"));

        _snapshot = await StoreSnapshot.LoadAsync(_store);
        _graph = AccessGraph.Build(_snapshot);
        Console.WriteLine($"// {accounts} accounts: {_graph.Nodes.Count} nodes, {_graph.Edges.Count} edges, {_graph.Findings().Findings.Count} findings");
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _store.DisposeAsync();
    }

    [Benchmark]
    public Task<StoreSnapshot> LoadStore() => StoreSnapshot.LoadAsync(_store);

    [Benchmark]
    public int BuildGraph() => AccessGraph.Build(_snapshot).Edges.Count;

    [Benchmark]
    public int Findings() => _graph.Findings().Findings.Count;

    /// <summary>A developer of the identity account: ReadOnly in every account, its own service roles, the shared roles.</summary>
    [Benchmark]
    public int ReachDeveloper() => _graph.Reach("arn:aws:iam::100000000001:user/dev2").Reachable.Count;

    /// <summary>Who can reach one account's Admin role (the management account's principals, with MFA).</summary>
    [Benchmark]
    public int WhoCanAdmin() => _graph.WhoCan("arn:aws:iam::100000000500:role/Admin").Principals.Count;

    /// <summary>Who can reach a role shared with the whole organization: thousands of principals.</summary>
    [Benchmark]
    public int WhoCanShared() => _graph.WhoCan("arn:aws:iam::100000000333:role/Shared").Principals.Count;

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crossgate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Crossgate.sln not found above " + AppContext.BaseDirectory);
    }
}
