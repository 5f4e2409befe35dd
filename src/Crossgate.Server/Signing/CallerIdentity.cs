namespace Crossgate.Server.Signing;

/// <summary>Who signed a request, as the wire needs it (GetCallerIdentity's Account, Arn, UserId).</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
