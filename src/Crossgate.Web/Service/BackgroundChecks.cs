using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Service;

/// <summary>Checks that run on after the request that started them, until the service stops; stopping cancels them
/// and waits for them to finish.</summary>
public sealed class BackgroundChecks : IAsyncDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly HashSet<Task> _running = [];
    private readonly Lock _lock = new();

    public CancellationToken Stopping => _stopping.Token;

    public Task<StoredCheck> Run(Func<CancellationToken, Task<StoredCheck>> check)
    {
        var task = Task.Run(() => check(_stopping.Token));
        lock (_lock)
        {
            _running.Add(task);
        }

        _ = task.ContinueWith(t =>
        {
            lock (_lock)
            {
                _running.Remove(t);
            }
        }, TaskScheduler.Default);
        return task;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Checks cut short or failed at the stop; each write is one transaction, so none is half-written.
        }

        _stopping.Dispose();
    }
}
