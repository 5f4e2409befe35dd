using Crossgate.Directory.Storage;
using Crossgate.Platform.ServiceStore;
using Crossgate.Web.Api;
using Crossgate.Web.Console;
using Crossgate.Web.Scheduling;

namespace Crossgate.Web.Service;

/// <summary>Everything the API and the console act on, built once per service: the registry, the service's own
/// store, the connection to AWS, and the parts that add, check and discover accounts.</summary>
public sealed class PlatformService : IAsyncDisposable
{
    public PlatformService(PlatformServiceOptions options)
    {
        Registry = options.Registry;
        Store = options.Store;
        Connection = options.Connection;
        Clock = options.Clock;
        Checks = new AccountCheckService(Connection, Store, Registry, Clock);
        Background = new BackgroundChecks();
        Onboarding = new AccountOnboarding(Registry, Connection, Checks, Background, Clock) { CheckWaitLimit = options.CheckWaitLimit };
        Discovery = new Discovery(Registry, Connection, Clock);
        Sessions = new ConsoleSessions(Store, Clock);
        AccountList = new AccountListCache(Registry, Store);
        Graph = options.Directory is { } directory ? new StoreGraph(directory, options.GraphLifetime, Clock) : null;
        Scheduler = options.CheckEvery is { } every ? new CheckScheduler(Registry, Checks, every, Clock) : null;
    }

    public IRegisteredAccounts Registry { get; }

    public IPlatformStore Store { get; }

    public PlatformConnection Connection { get; }

    public TimeProvider Clock { get; }

    public AccountCheckService Checks { get; }

    public BackgroundChecks Background { get; }

    public AccountOnboarding Onboarding { get; }

    public Discovery Discovery { get; }

    public ConsoleSessions Sessions { get; }

    public AccountListCache AccountList { get; }

    /// <summary>The access graph of the directory store, when the service was given one.</summary>
    public StoreGraph? Graph { get; }

    public CheckScheduler? Scheduler { get; }

    public async ValueTask DisposeAsync()
    {
        if (Scheduler is not null)
        {
            await Scheduler.DisposeAsync().ConfigureAwait(false);
        }

        await Background.DisposeAsync().ConfigureAwait(false);
        Checks.Dispose();
        AccountList.Dispose();
        Graph?.Dispose();
    }
}

/// <summary>What a platform service is made of; the stores are owned by the caller.</summary>
public sealed record PlatformServiceOptions
{
    public required IRegisteredAccounts Registry { get; init; }

    public required IPlatformStore Store { get; init; }

    public required PlatformConnection Connection { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How often every account is checked in the background; null: never.</summary>
    public TimeSpan? CheckEvery { get; init; }

    /// <summary>The directory store whose access graph the console draws (<c>/api/v1/graph</c>); null: none.</summary>
    public IDirectoryStore? Directory { get; init; }

    /// <summary>How long a built access graph answers before the store is read again.</summary>
    public TimeSpan GraphLifetime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>POST /accounts</c> waits for its check before answering 202.</summary>
    public TimeSpan CheckWaitLimit { get; init; } = TimeSpan.FromSeconds(30);
}
