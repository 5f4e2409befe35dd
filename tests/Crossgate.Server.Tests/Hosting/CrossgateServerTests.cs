using System.Net;
using System.Text;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Query;
using Crossgate.Server.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.Hosting;

public sealed class CrossgateServerTests
{
    private const string AccessKeyId = "AKIAHOSTTEST00000001";
    private const string Secret = "host/Secret/0000000000000000000000000000";

    private static CrossgateServer Create(Action<HandlerRegistry> register, long maxBody = 4 * 1024 * 1024) =>
        CrossgateServer.Create(
            new CrossgateServerOptions { Host = "127.0.0.1", Port = 0, MaxRequestBodyBytes = maxBody, ShutdownTimeout = TimeSpan.FromSeconds(5) },
            new InMemoryCredentials().Add(AccessKeyId, Secret),
            register,
            configureLogging: l => l.SetMinimumLevel(LogLevel.Warning));

    private static HttpRequestMessage Signed(Uri baseAddress, string form)
    {
        var message = TestSigner.FormPost(baseAddress, form);
        new TestSigner(AccessKeyId, Secret, "us-east-1", "sts").Sign(message, Encoding.UTF8.GetBytes(form), DateTimeOffset.UtcNow);
        return message;
    }

    [Fact]
    public async Task Run_stops_on_cancellation_after_letting_in_flight_requests_finish()
    {
        var entered = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using var server = Create(r => r.MapQuery(AwsService.Sts, "GetCallerIdentity", async (request, _) =>
        {
            entered.SetResult();
            await release.Task;
            return QueryResponse.Ok(w => w.Element("Account", request.Context.Caller.Caller.Account));
        }));
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        for (var i = 0; i < 250 && server.BaseAddress.Port == 0; i++) await Task.Delay(20);
        using var client = new HttpClient();

        var inFlight = client.SendAsync(Signed(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15"));
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        stop.Cancel();
        await Task.Delay(100);
        Assert.False(running.IsCompleted); // draining, not dropped
        release.SetResult();

        var response = await inFlight.WaitAsync(TimeSpan.FromSeconds(10));
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Account>111122223333</Account>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Port_zero_binds_a_free_loopback_port()
    {
        await using var server = Create(_ => { });
        await server.StartAsync();

        Assert.True(server.BaseAddress.IsLoopback);
        Assert.NotEqual(0, server.BaseAddress.Port);
        await server.StopAsync();
    }

    [Fact]
    public async Task Oversized_body_is_refused()
    {
        await using var server = Create(_ => { }, maxBody: 1024);
        await server.StartAsync();
        using var client = new HttpClient();

        var response = await client.SendAsync(TestSigner.FormPost(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15&Pad=" + new string('x', 4096)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await server.StopAsync();
    }

    [Fact]
    public async Task Request_ids_are_unique_per_request()
    {
        await using var server = Create(_ => { });
        await server.StartAsync();
        using var client = new HttpClient();

        var first = await client.SendAsync(TestSigner.FormPost(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15"));
        var second = await client.SendAsync(TestSigner.FormPost(server.BaseAddress, "Action=GetCallerIdentity&Version=2011-06-15"));

        Assert.NotEqual(first.Headers.GetValues("x-amzn-RequestId").Single(), second.Headers.GetValues("x-amzn-RequestId").Single());
        await server.StopAsync();
    }
}
