using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Hosting;
using Crossgate.Server.Protocols;
using Crossgate.Server.Protocols.Json;

namespace Crossgate.Server.Services.Audit;

/// <summary>Appends every answered request, allowed, denied or failed, to the store's audit trail as a
/// CloudTrail-like event. Pass it to <see cref="CrossgateServer.Create"/> as an observer.</summary>
public sealed class AuditTrailObserver(IDirectoryStore store) : IRequestObserver
{
    public async ValueTask OnCompletedAsync(RequestRecord record, CancellationToken cancellationToken) =>
        await store.CommitAsync(new ChangeSet().Append(EventOf(record)), cancellationToken).ConfigureAwait(false);

    public static AuditEvent EventOf(RequestRecord record) => new()
    {
        EventId = UniqueIds.NewEventId(),
        EventTime = record.ReceivedAt,
        EventSource = (record.Service ?? "unknown") + ".amazonaws.com",
        EventName = record.Action is { Length: > 0 } action ? action : "Unknown",
        AwsRegion = record.Region ?? "us-east-1",
        RecipientAccountId = record.Caller?.Account,
        UserIdentity = CloudTrailIdentity.Json(record.Caller, record.AccessKeyId),
        SourceIpAddress = record.SourceIp,
        UserAgent = record.UserAgent,
        RequestParameters = record.Parameters,
        // The code as the client saw it: JSON services rename some of the front door's codes.
        ErrorCode = record.Error is null ? null : record.Service == AwsService.Organizations.SigningName ? JsonErrorCodes.For(record.Error.Code) : record.Error.Code,
        ErrorMessage = record.Error?.Message,
        RequestId = record.RequestId,
    };
}
