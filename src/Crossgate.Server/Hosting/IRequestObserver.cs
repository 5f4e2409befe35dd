namespace Crossgate.Server.Hosting;

/// <summary>Told about every request once it has been answered (allowed, denied or failed); the audit trail plugs in here.</summary>
public interface IRequestObserver
{
    ValueTask OnCompletedAsync(RequestRecord record, CancellationToken cancellationToken);
}
