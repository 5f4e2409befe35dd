using System.Net;
using System.Runtime.InteropServices;
using Crossgate.Server.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crossgate.Server.Hosting;

/// <summary>
/// The Kestrel host serving IAM, STS and Organizations on one endpoint. Handlers, credentials and audit
/// observers come from outside; this class only knows HTTP.
/// </summary>
public sealed class CrossgateServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CrossgateServerOptions _options;

    private CrossgateServer(WebApplication app, CrossgateServerOptions options)
    {
        _app = app;
        _options = options;
    }

    /// <summary>Builds (does not start) a server.</summary>
    /// <param name="register">Registers the actions and operations to serve.</param>
    /// <param name="observers">Told about every answered request (audit).</param>
    /// <param name="clock">Clock for signature freshness; the system clock by default.</param>
    /// <param name="configureLogging">Replaces the default console logging, e.g. in tests.</param>
    /// <param name="extension">Served on the same host before the endpoint (the platform's console and API).</param>
    public static CrossgateServer Create(
        CrossgateServerOptions options,
        ICredentialResolver credentials,
        Action<HandlerRegistry> register,
        IEnumerable<IRequestObserver>? observers = null,
        TimeProvider? clock = null,
        Action<ILoggingBuilder>? configureLogging = null,
        IHostExtension? extension = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            if (string.Equals(options.Host, "localhost", StringComparison.OrdinalIgnoreCase)) kestrel.ListenLocalhost(options.Port);
            else kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
        });
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);

        builder.Logging.ClearProviders();
        if (configureLogging is not null)
        {
            configureLogging(builder.Logging);
        }
        else
        {
            builder.Logging.SetMinimumLevel((LogLevel)(int)options.MinimumLogLevel);
            // Kestrel's own per-connection chatter is not useful at Information.
            builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
            if (options.JsonLogs) builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
            else builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            });
        }

        var registry = new HandlerRegistry();
        register(registry);
        var timeProvider = clock ?? TimeProvider.System;
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(credentials);
        builder.Services.AddSingleton(timeProvider);
        builder.Services.AddSingleton(new SigV4Verifier(credentials, timeProvider, new SigningKeyCache()));
        foreach (var observer in observers ?? []) builder.Services.AddSingleton(observer);
        builder.Services.AddSingleton(sp => new AwsEndpoint(
            registry,
            sp.GetRequiredService<SigV4Verifier>(),
            timeProvider,
            sp.GetRequiredService<ILogger<AwsEndpoint>>(),
            sp.GetServices<IRequestObserver>(),
            options.MaxRequestBodyBytes,
            options.AccessLog));

        extension?.AddServices(builder.Services);
        var app = builder.Build();
        extension?.Map(app);
        var endpoint = app.Services.GetRequiredService<AwsEndpoint>();
        app.Run(endpoint.HandleAsync);
        return new CrossgateServer(app, options);
    }

    /// <summary>The address actually bound (meaningful once started; resolves port 0).</summary>
    public Uri BaseAddress
    {
        get
        {
            var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
            var first = addresses?.Addresses.FirstOrDefault() ?? $"http://{_options.Host}:{_options.Port}";
            return new Uri(first.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1"));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <summary>Serves until SIGINT or SIGTERM (or <paramref name="cancellationToken"/>), then drains in-flight requests.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // shut down ourselves, gracefully, instead of being killed
            stop.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        await StartAsync(cancellationToken).ConfigureAwait(false);
        var logger = _app.Services.GetRequiredService<ILogger<CrossgateServer>>();
        logger.LogInformation("Crossgate listening on {Address}", BaseAddress);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        logger.LogInformation("Crossgate shutting down");
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
