using BenchmarkDotNet.Attributes;

namespace Crossgate.Benchmarks;

/// <summary><c>GET /api/v1/accounts</c> with 1,000 registered accounts, each with its last check (target: under
/// 20 ms), over a real loopback connection with a bearer token.</summary>
[MemoryDiagnoser]
public class PlatformApiBenchmarks
{
    private PlatformWithThousandAccounts _platform = null!;
    private HttpClient _client = null!;
    private TimeSpan _cpuAtStart;
    private int _requests;
    private readonly byte[] _buffer = new byte[64 * 1024];

    [GlobalSetup]
    public void Setup()
    {
        _platform = PlatformWithThousandAccounts.StartAsync().GetAwaiter().GetResult();
        _client = _platform.Client();
        _cpuAtStart = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
    }

    [Benchmark]
    public async Task<int> ListThousandAccounts()
    {
        Interlocked.Increment(ref _requests);
        // The body is read to its end into one reused buffer: the figure is the service's answer, not the client's
        // large-object allocations of a 0.7 MB array per request.
        using var response = await _client.GetAsync("/api/v1/accounts", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var length = 0;
        int read;
        while ((read = await body.ReadAsync(_buffer)) > 0)
        {
            length += read;
        }

        return length;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        // Processor time (server and client together) per request: a figure that other work on the machine does not
        // inflate the way it inflates wall-clock time.
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - _cpuAtStart;
        Console.WriteLine($"// CPU per request: {cpu.TotalMilliseconds / Math.Max(1, _requests):F2} ms over {_requests} requests");
        _client.Dispose();
        _platform.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
