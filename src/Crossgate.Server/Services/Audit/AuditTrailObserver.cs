using System.Text.Json;
using System.Threading.Channels;
using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Audit;

/// <summary>
/// Appends every answered request, allowed, denied or failed, to the store's audit trail as a CloudTrail-like
/// event. Pass it to <see cref="CrossgateServer.Create"/> as an observer and dispose it after the server stops.
/// Requests are queued as they are answered and turned into events and written by one background writer in batches
/// (one transaction each, at most every 50 ms), so that neither the event's JSON nor a durable commit sits on a
/// request's path; a full queue makes requests wait rather than drop events.
/// </summary>
public sealed class AuditTrailObserver : IRequestObserver, IAsyncDisposable
{
    // With requestParameters at most 100 KB and the other free-text fields capped, the queue holds at most ~100 MB
    // even when every event is as large as allowed.
    private const int QueueCapacity = 1_000;

    /// <summary>Free text a caller controls (error messages echo parameters, user agents, action names) is cut here.</summary>
    public const int MaxTextLength = 1024;
    private const int MaxBatch = 512;
    private static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(50);

    private readonly IDirectoryStore _store;
    private readonly Action<Exception>? _onWriteError;
    private readonly Channel<RequestRecord> _queue =
        Channel.CreateBounded<RequestRecord>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _writer;
    private long _queued;
    private long _handled;

    /// <param name="onWriteError">Told when a batch could not be written (the events are lost); e.g. a logger.</param>
    public AuditTrailObserver(IDirectoryStore store, Action<Exception>? onWriteError = null)
    {
        _store = store;
        _onWriteError = onWriteError;
        // A thread of its own: committing to SQLite (and its fsync) blocks the caller, and on a small machine a blocked
        // thread-pool thread is a good part of what answers requests.
        _writer = Task.Factory.StartNew(WriteLoop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public ValueTask OnCompletedAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        record = Bounded(record);
        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _queued);
            return ValueTask.CompletedTask;
        }

        return WaitToQueueAsync(record, cancellationToken);
    }

    private async ValueTask WaitToQueueAsync(RequestRecord record, CancellationToken cancellationToken)
    {
        await _queue.Writer.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _queued);
    }

    /// <summary>Waits until every event queued before the call has been written (or failed).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _handled) < target && !_writer.IsCompleted)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops accepting events and writes the ones still queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    public static AuditEvent EventOf(RequestRecord record) => new()
    {
        EventId = UniqueIds.NewEventId(),
        EventTime = record.ReceivedAt,
        EventSource = (record.Service ?? "unknown") + ".amazonaws.com",
        EventName = record.Action is { Length: > 0 } action ? Cap(action, 128) : "Unknown",
        AwsRegion = record.Region ?? "us-east-1",
        RecipientAccountId = RecipientAccountOf(record),
        UserIdentity = CloudTrailIdentity.Json(record.Caller, record.AccessKeyId is null ? null : Cap(record.AccessKeyId, 128)),
        SourceIpAddress = record.SourceIp,
        UserAgent = record.UserAgent is null ? null : Cap(record.UserAgent, MaxTextLength),
        RequestParameters = record.Parameters is { Length: <= AuditParameters.MaxBytes } parameters ? parameters : null,

        // The code as the client saw it: JSON services rename some of the front door's codes.
        ErrorCode = record.Error is null ? null : record.Service == AwsService.Organizations.SigningName ? JsonErrorCodes.For(record.Error.Code) : record.Error.Code,
        ErrorMessage = record.Error is null ? null : Cap(record.Error.Message, MaxTextLength),
        RequestId = record.RequestId,
    };

    /// <summary>The account whose trail receives the event: the caller's, except for a role assumed successfully,
    /// which CloudTrail records in the role's account (the one that issued the credentials).</summary>
    public static string? RecipientAccountOf(RequestRecord record)
    {
        if (record.Error is null && record.Action == "AssumeRole" && record.Service == AwsService.Sts.SigningName
            && record.Parameters is { } parameters && RoleAccountOf(parameters) is { } roleAccount)
        {
            return roleAccount;
        }

        return record.Caller?.Account;
    }

    private static string? RoleAccountOf(string parameters)
    {
        using var document = JsonDocument.Parse(parameters);
        return document.RootElement.TryGetProperty("roleArn", out var arn) && arn.GetString() is { } text
            && IamArns.TryParseIam(text, out var parts) && parts.Type == "role" && Crossgate.Directory.Validation.IamNames.IsAccountId(parts.Account)
            ? parts.Account
            : null;
    }

    /// <summary>The record with the free text its event will cap cut already, so that a queued record holds no more
    /// than its event will (an error message may echo a multi-megabyte parameter).</summary>
    private static RequestRecord Bounded(RequestRecord record) =>
        record.Error is { Message.Length: > MaxTextLength } || record.UserAgent is { Length: > MaxTextLength } || record.Action is { Length: > 128 } || record.AccessKeyId is { Length: > 128 }
            ? record with
            {
                Error = record.Error is { } error ? error with { Message = Cap(error.Message, MaxTextLength) } : null,
                UserAgent = record.UserAgent is { } agent ? Cap(agent, MaxTextLength) : null,
                Action = record.Action is { } action ? Cap(action, 128) : null,
                AccessKeyId = record.AccessKeyId is { } key ? Cap(key, 128) : null,
            }
            : record;

    private static string Cap(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length), "…");

    private void WriteLoop()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            // A short wait gathers the events of concurrent requests into one transaction: a commit (an fsync) costs
            // far more than a row, and the trail is read by people, not by the next request.
            if (reader.CanCount && reader.Count < MaxBatch)
            {
                Thread.Sleep(BatchWindow);
            }

            var changes = new ChangeSet();
            var count = 0;
            while (count < MaxBatch && reader.TryRead(out var record))
            {
                changes.Append(EventOf(record));
                count++;
            }

            try
            {
                _store.CommitAsync(changes).GetAwaiter().GetResult();
            }
            catch (Exception ex)
            {
                _onWriteError?.Invoke(ex);
            }

            Interlocked.Add(ref _handled, count);
        }
    }
}
