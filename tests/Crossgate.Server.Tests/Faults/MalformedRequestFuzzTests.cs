using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Crossgate.Server.Tests.EndToEnd;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Faults;

/// <summary>Thousands of malformed but correctly signed requests across every IAM, STS and Organizations operation
/// of botocore's models: none is answered 5xx, and the server is healthy afterwards. <c>CROSSGATE_FUZZ_REQUESTS</c>
/// sets the count (default 3,000), <c>CROSSGATE_FUZZ_SEED</c> the seed.</summary>
public sealed class MalformedRequestFuzzTests
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("CROSSGATE_FUZZ_REQUESTS"), out var n) ? n : 3_000;

    private static int Seed => int.TryParse(Environment.GetEnvironmentVariable("CROSSGATE_FUZZ_SEED"), out var s) ? s : 15;

    [Fact]
    public async Task Malformed_signed_requests_are_answered_4xx_and_the_server_stays_healthy()
    {
        var models = new (string Service, ServiceModel Model)[]
        {
            ("iam", BotocoreModels.Load("iam")),
            ("sts", BotocoreModels.Load("sts")),
            ("organizations", BotocoreModels.Load("organizations")),
        };
        var log = new CollectingLogger();
        await using var fixture = await DirectoryServerFixture.StartAsync(log);
        using var client = new HttpClient { BaseAddress = fixture.Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var key = fixture.ManagementRoot.GetCredentials();
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var operations = new ConcurrentDictionary<string, byte>();

        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var generator = new MalformedRequestGenerator(new Random(HashCode.Combine(Seed, i)));
            var (service, model) = models[i % 3];
            var request = model.TargetPrefix is null ? generator.Query(service, model) : generator.Json(service, model);
            operations.TryAdd(request.Label.Split(':')[1], 0);
            var (status, body) = await SendAsync(client, new TestSigner(key.AccessKey, key.SecretKey, "us-east-1", request.SigningService), request, ct);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status >= 500) failures.Enqueue($"#{i} {request.Label} -> {status}: {Truncate(body)}");
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} of {Count} answered 5xx (seed {Seed}):\n{string.Join("\n", failures.Take(25).Select(f => f.Split('\n')[0]))}\n{log.Distinct()}");
        Assert.True(operations.Count > 200, $"only {operations.Count} operations exercised");
        await AssertHealthyAsync(fixture, client);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413_RequestEntityTooLarge_on_both_protocols()
    {
        var log = new CollectingLogger();
        await using var fixture = await DirectoryServerFixture.StartAsync(log);
        using var client = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var key = fixture.ManagementRoot.GetCredentials();
        var big = new byte[10 * 1024 * 1024];
        Array.Fill(big, (byte)'a');
        "Action=GetCallerIdentity&Version=2011-06-15&X="u8.CopyTo(big);

        foreach (var (service, target, contentType, code) in new[]
                 {
                     ("sts", (string?)null, "application/x-www-form-urlencoded; charset=utf-8", "<Code>RequestEntityTooLarge</Code>"),
                     ("organizations", "AWSOrganizationsV20161128.ListRoots", "application/x-amz-json-1.1", "RequestEntityTooLarge"),
                 })
        {
            foreach (var chunked in new[] { true, false })
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, fixture.Server.BaseAddress) { Content = new ByteArrayContent([]) };
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                if (target is not null) message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
                new TestSigner(key.AccessKey, key.SecretKey, "us-east-1", service).Sign(message, big, DateTimeOffset.UtcNow);
                var (status, body) = await RawHttp.SendAsync(fixture.Server.BaseAddress, message, big, chunked);
                Assert.True(status == 413, $"{service} chunked={chunked}: {status} {Truncate(body)}\n{log.Distinct()}");
                Assert.Contains(code, body);
            }
        }

        await AssertHealthyAsync(fixture, client);
    }

    internal static async Task<(int Status, string Body)> SendAsync(HttpClient client, TestSigner signer, FuzzRequest request, CancellationToken ct)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, client.BaseAddress);
        message.Content = new ByteArrayContent(request.Body);
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
        if (request.Target is not null) message.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        signer.Sign(message, request.Body, DateTimeOffset.UtcNow);
        using var response = await client.SendAsync(message, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static async Task AssertHealthyAsync(DirectoryServerFixture fixture, HttpClient client)
    {
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var sts = fixture.Sts(fixture.ManagementRoot);
        var identity = await sts.GetCallerIdentityAsync(new Amazon.SecurityToken.Model.GetCallerIdentityRequest());
        Assert.Equal("111111111111", identity.Account);
    }

    private static string Truncate(string text) => text.Length > 400 ? text[..400] + "…" : text;
}
