namespace Crossgate.Server.Signing;

/// <summary>
/// What the store knows about an access key id. Not sealed: the Directory adapter can derive from it to
/// carry its own principal model through to handlers.
/// </summary>
public record ResolvedCredential(string AccessKeyId, string SecretAccessKey, CallerIdentity Caller)
{
    /// <summary>Set for temporary (ASIA…) credentials: the request must present exactly this token.</summary>
    public string? SessionToken { get; init; }

    /// <summary>When temporary credentials stop being accepted.</summary>
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>False for keys made Inactive; AWS answers those like unknown keys.</summary>
    public bool IsActive { get; init; } = true;

    // Keep secrets out of logs and exception messages.
    public sealed override string ToString() => $"ResolvedCredential {{ AccessKeyId = {AccessKeyId}, Caller = {Caller} }}";
}
