using System.Collections.Concurrent;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Hosting;

namespace Crossgate.Server.Services.Iam;

/// <summary>
/// Fills <c>GetAccessKeyLastUsed</c> and <c>GetRole</c>'s <c>RoleLastUsed</c> from real use: a request signed with a
/// user's or root's <c>AKIA…</c> key uses that key; one signed with a role's session uses the role. The request path
/// only notes the latest use in memory; a background writer stores what was noted once per <see cref="Interval"/>,
/// so a key or role is written at most once per interval however busy it is (AWS, too, reports use with a delay).
/// Pass it to <see cref="CrossgateServer.Create"/> as an observer and dispose it after the server stops: that stores
/// what is still pending.
/// </summary>
public sealed class LastUsedRecorder : IRequestObserver, IAsyncDisposable
{
    /// <summary>How often noted uses are stored by default.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(1);

    private readonly IDirectoryStore _store;
    private readonly Action<Exception>? _onWriteError;
    private readonly ConcurrentDictionary<string, KeyUse> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string RoleName), RoleUse> _roles = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Task _writer;

    /// <param name="interval">How often noted uses are stored; <see cref="DefaultInterval"/> when null.</param>
    /// <param name="onWriteError">Told when a use could not be stored (it is noted again on the next use).</param>
    public LastUsedRecorder(IDirectoryStore store, TimeSpan? interval = null, Action<Exception>? onWriteError = null)
    {
        _store = store;
        _onWriteError = onWriteError;
        Interval = interval ?? DefaultInterval;
        _writer = Task.Run(WriteLoopAsync);
    }

    public TimeSpan Interval { get; }

    public ValueTask OnCompletedAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        // Only an authenticated request uses its credentials; the caller is known only then.
        if (record.Caller is not { } caller || record.AccessKeyId is not { } keyId || record.Service is not { } service)
        {
            return ValueTask.CompletedTask;
        }

        var region = record.Region ?? "us-east-1";
        if (keyId.StartsWith("AKIA", StringComparison.Ordinal))
        {
            _keys.AddOrUpdate(keyId, new KeyUse(record.ReceivedAt, service, region), (_, old) => Later(old, new KeyUse(record.ReceivedAt, service, region)));
        }
        else if (IamArns.TryParseAssumedRole(caller.Arn, out var account, out var roleName, out _))
        {
            var use = new RoleUse(record.ReceivedAt, region);
            _roles.AddOrUpdate((account, roleName), use, (_, old) => old.At >= use.At ? old : use);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Stores every use noted so far (tests, and shutdown).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var keyId in _keys.Keys)
            {
                if (_keys.TryRemove(keyId, out var use))
                {
                    await StoreAsync(() => StoreKeyUseAsync(keyId, use, cancellationToken)).ConfigureAwait(false);
                }
            }

            foreach (var role in _roles.Keys)
            {
                if (_roles.TryRemove(role, out var use))
                {
                    await StoreAsync(() => StoreRoleUseAsync(role.Account, role.RoleName, use, cancellationToken)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _writer.ConfigureAwait(false);
        await FlushAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                await FlushAsync(_stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task StoreAsync(Func<Task> write)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _onWriteError?.Invoke(ex);
        }
    }

    /// <summary>Writes the use unless the row already holds a later one; a write that conflicts with another
    /// writer reads the row again. A key or role deleted meanwhile is left alone.</summary>
    private async Task StoreKeyUseAsync(string keyId, KeyUse use, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var found = await _store.FindAccessKeyAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (found is null || found.Value.LastUsedDate >= use.At)
            {
                return;
            }

            var updated = found.Value with { LastUsedDate = use.At, LastUsedServiceName = use.Service, LastUsedRegion = use.Region };
            if ((await _store.CommitAsync(new ChangeSet().Update(EntityKinds.AccessKeys, updated, found.Version), cancellationToken).ConfigureAwait(false)).Success)
            {
                return;
            }
        }
    }

    private async Task StoreRoleUseAsync(string account, string roleName, RoleUse use, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var found = await _store.GetRoleAsync(account, roleName, cancellationToken).ConfigureAwait(false);
            if (found is null || found.Value.LastUsedDate >= use.At)
            {
                return;
            }

            var updated = found.Value with { LastUsedDate = use.At, LastUsedRegion = use.Region };
            if ((await _store.CommitAsync(new ChangeSet().Update(EntityKinds.Roles, updated, found.Version), cancellationToken).ConfigureAwait(false)).Success)
            {
                return;
            }
        }
    }

    private static KeyUse Later(KeyUse a, KeyUse b) => a.At >= b.At ? a : b;

    private sealed record KeyUse(DateTimeOffset At, string Service, string Region);

    private sealed record RoleUse(DateTimeOffset At, string Region);
}
