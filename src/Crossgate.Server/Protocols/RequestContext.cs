using Crossgate.Server.Signing;

namespace Crossgate.Server.Protocols;

/// <summary>What every handler gets to know about the call: who, from where, which id.</summary>
public sealed record RequestContext(
    string RequestId,
    ResolvedCredential Caller,
    SignatureClaim Signature,
    string? SourceIp,
    string? UserAgent,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The region the client signed for.</summary>
    public string Region => Signature.Region;
}
