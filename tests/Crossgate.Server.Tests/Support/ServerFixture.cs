using Crossgate.Server.Hosting;
using Crossgate.Server.Signing;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Tests.Support;

/// <summary>A real Kestrel server on a free loopback port with test handlers, credentials and clock.</summary>
public sealed class ServerFixture : IAsyncDisposable
{
    private ServerFixture(CrossgateServer server, HttpClient client)
    {
        Server = server;
        Client = client;
    }

    public CrossgateServer Server { get; }

    public HttpClient Client { get; }

    public Uri BaseAddress => Server.BaseAddress;

    public static async Task<ServerFixture> StartAsync(ICredentialResolver credentials, Action<HandlerRegistry> register,
        TimeProvider? clock = null, IEnumerable<IRequestObserver>? observers = null)
    {
        var server = CrossgateServer.Create(
            new CrossgateServerOptions { Host = "127.0.0.1", Port = 0 },
            credentials, register, observers, clock,
            logging => logging.SetMinimumLevel(LogLevel.Warning));
        await server.StartAsync();
        var client = new HttpClient { BaseAddress = server.BaseAddress };
        return new ServerFixture(server, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.StopAsync();
        await Server.DisposeAsync();
    }
}
