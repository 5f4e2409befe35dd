using BenchmarkDotNet.Attributes;

namespace Crossgate.Benchmarks;

/// <summary><c>GET /api/v1/accounts</c> with 1,000 registered accounts, each with its last check (target: under
/// 20 ms), over a real loopback connection with a bearer token.</summary>
[MemoryDiagnoser]
public class PlatformApiBenchmarks
{
    private PlatformWithThousandAccounts _platform = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _platform = PlatformWithThousandAccounts.StartAsync().GetAwaiter().GetResult();
        _client = _platform.Client();
    }

    [Benchmark]
    public async Task<int> ListThousandAccounts()
    {
        using var response = await _client.GetAsync("/api/v1/accounts");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync()).Length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
