using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

// Drives one STS action against an endpoint with N workers sharing one AWS SDK client, for a fixed time after a
// warm-up, and prints one JSON line: requests per second, latency percentiles, errors.
// Usage: EndpointLoad --endpoint URL --action GetCallerIdentity|AssumeRole|Health [--role-arn ARN] [--workers 8]
//        [--seconds 10] [--warmup 2] [--max-warmup 60]   (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY)
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

string Option(string name, string? fallback = null) =>
    options.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required");

var endpoint = Option("endpoint");
var action = Option("action");
var roleArn = Option("role-arn", "arn:aws:iam::123456789012:role/none");
var workers = int.Parse(Option("workers", "8"), CultureInfo.InvariantCulture);
var seconds = double.Parse(Option("seconds", "10"), CultureInfo.InvariantCulture);
var warmup = double.Parse(Option("warmup", "2"), CultureInfo.InvariantCulture);
var credentials = new BasicAWSCredentials(
    Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? throw new ArgumentException("AWS_ACCESS_KEY_ID is not set"),
    Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? throw new ArgumentException("AWS_SECRET_ACCESS_KEY is not set"));
using var client = new AmazonSecurityTokenServiceClient(credentials, new AmazonSecurityTokenServiceConfig
{
    ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0,
});

using var http = new HttpClient();
var health = new Uri(new Uri(endpoint), "/health");
Func<Task> call = action switch
{
    "Health" => async () => (await http.GetAsync(health)).EnsureSuccessStatusCode().Dispose(),
    "GetCallerIdentity" => () => client.GetCallerIdentityAsync(new GetCallerIdentityRequest()),
    "AssumeRole" => () => client.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = roleArn, RoleSessionName = "load" }),
    _ => throw new ArgumentException($"unknown --action {action}"),
};

await call(); // Fails loudly when the setup is wrong.
var measuring = false;
var stop = Stopwatch.StartNew();
var totalSeconds = double.MaxValue; // set once warmed up
var latencies = new List<double>[workers];
var errors = 0;
var completed = 0;
var tasks = new Task[workers];
for (var w = 0; w < workers; w++)
{
    var mine = latencies[w] = new List<double>(100_000);
    tasks[w] = Task.Run(async () =>
    {
        while (stop.Elapsed.TotalSeconds < totalSeconds)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await call();
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            Interlocked.Increment(ref completed);
            if (Volatile.Read(ref measuring))
            {
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    });
}

// Warm up for --warmup seconds and then until the JIT has been quiet for a whole second (at most --max-warmup
// seconds): a fresh process runs tier-0 and PGO-instrumented code for many seconds on a busy 2-core machine, and that
// cost (more than half of the client's CPU per call in a 2 s warm-up) belongs to the client's start, not to its
// steady state, which is what a long-running SDK user pays and what the measurement compares.
var maxWarmup = double.Parse(Option("max-warmup", "60"), CultureInfo.InvariantCulture);
await Task.Delay(TimeSpan.FromSeconds(warmup));
for (var jitted = JitInfo.GetCompiledMethodCount(); stop.Elapsed.TotalSeconds < maxWarmup;)
{
    await Task.Delay(TimeSpan.FromSeconds(1));
    var now = JitInfo.GetCompiledMethodCount();
    if (now == jitted) break;
    jitted = now;
}
totalSeconds = stop.Elapsed.TotalSeconds + seconds;
var warmedFor = stop.Elapsed.TotalSeconds;
var errorsBefore = Volatile.Read(ref errors);
Volatile.Write(ref measuring, true);
var window = Stopwatch.StartNew();
var cpuBefore = Environment.CpuUsage.TotalTime;
var completedBefore = Volatile.Read(ref completed);
await Task.WhenAll(tasks);
var elapsed = window.Elapsed.TotalSeconds;
// The client's own CPU per request over the measured window: on a small machine the client, the server and the
// kernel share the cores, so this bounds what rate any server could be driven at by this client.
var clientCpuPerRequest = (Environment.CpuUsage.TotalTime - cpuBefore).TotalMicroseconds / Math.Max(1, Volatile.Read(ref completed) - completedBefore);
var all = latencies.SelectMany(l => l).Order().ToArray();
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $$"""{"action":"{{action}}","workers":{{workers}},"requests":{{all.Length}},"seconds":{{elapsed:0.00}},"rps":{{all.Length / elapsed:0.0}},"p50_ms":{{Percentile(0.50):0.00}},"p95_ms":{{Percentile(0.95):0.00}},"p99_ms":{{Percentile(0.99):0.00}},"errors":{{errors - errorsBefore}},"client_cpu_us":{{clientCpuPerRequest:0}},"warmup_s":{{warmedFor:0.0}},"all_requests":{{completed + 1}}}"""));
return errors - errorsBefore == 0 ? 0 : 1;
