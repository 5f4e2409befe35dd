using System.Net;
using Crossgate.Web.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crossgate.Web.Hosting;

/// <summary>The console and the API on a Kestrel host of their own (<c>crossgate platform serve</c>): no AWS
/// endpoint beside them; <c>/</c> leads to the console.</summary>
public sealed class PlatformHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlatformHost(WebApplication app) => _app = app;

    public static PlatformHost Create(PlatformService platform, string host, int port, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(port);
            else kestrel.Listen(IPAddress.Parse(host), port);
        });
        builder.Logging.ClearProviders();
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
            });
        }

        PlatformWeb.AddServices(builder.Services, platform);
        var app = builder.Build();
        PlatformWeb.Map(app);
        app.MapGet("/", () => Results.Redirect("/console/")).ExcludeFromDescription();
        app.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return new PlatformHost(app);
    }

    /// <summary>The address actually bound (port 0 resolved), once started.</summary>
    public Uri BaseAddress
    {
        get
        {
            var first = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(first.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    public Task StartAsync(CancellationToken cancellation = default) => _app.StartAsync(cancellation);

    public Task StopAsync(CancellationToken cancellation = default) => _app.StopAsync(cancellation);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
