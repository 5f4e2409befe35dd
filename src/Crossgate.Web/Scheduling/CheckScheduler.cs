using Crossgate.Web.Service;

namespace Crossgate.Web.Scheduling;

/// <summary>Checks every registered account every <see cref="Interval"/> in the background, eight at a time (the
/// check service's own limit, shared with requests). The first round starts one interval after the service starts.
/// A failing account does not stop the round; the next round comes whatever this one found.</summary>
public sealed class CheckScheduler : IAsyncDisposable
{
    private readonly IRegisteredAccounts _registry;
    private readonly AccountCheckService _checks;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public CheckScheduler(IRegisteredAccounts registry, AccountCheckService checks, TimeSpan interval, TimeProvider clock)
    {
        _registry = registry;
        _checks = checks;
        _clock = clock;
        Interval = interval;
    }

    public TimeSpan Interval { get; }

    public DateTimeOffset? NextRound { get; private set; }

    public DateTimeOffset? LastRoundFinished { get; private set; }

    public int RoundsCompleted { get; private set; }

    public void Start() => _loop ??= Task.Run(LoopAsync);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            NextRound = _clock.GetUtcNow() + Interval;
            try
            {
                await Task.Delay(Interval, _clock, _stop.Token).ConfigureAwait(false);
                await RunRoundAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>One round: every account, in parallel up to the check service's limit.</summary>
    public async Task RunRoundAsync(CancellationToken cancellation)
    {
        var accounts = await _registry.ListAsync(cancellation).ConfigureAwait(false);
        await Task.WhenAll(accounts.Select(async account =>
        {
            try
            {
                await _checks.CheckAsync(account, cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One account's failure (an unreachable endpoint, a removed account) must not end the round.
            }
        })).ConfigureAwait(false);
        LastRoundFinished = _clock.GetUtcNow();
        RoundsCompleted++;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            try
            {
                await _loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }
}
