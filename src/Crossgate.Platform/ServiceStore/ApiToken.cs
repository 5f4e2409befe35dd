namespace Crossgate.Platform.ServiceStore;

/// <summary>An API token as stored: its name, the SHA-256 of its secret (never the secret), and whether it may only
/// read.</summary>
public sealed record ApiToken(string Name, string Hash, bool ReadOnly, DateTimeOffset CreatedAt);
