namespace Crossgate.Directory.Model;

/// <summary>Temporary credentials issued by STS, stored so that requests signed with the <c>ASIA…</c> key are
/// accepted until <see cref="Expiration"/>, with everything that shapes what the session may do.</summary>
public sealed record StsSession
{
    /// <summary>The account the session acts in (the role's or user's account).</summary>
    public required string AccountId { get; init; }

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public required string SessionToken { get; init; }

    public StsSessionKind Kind { get; init; } = StsSessionKind.AssumedRole;

    public DateTimeOffset IssuedAt { get; init; }

    public DateTimeOffset Expiration { get; init; }

    /// <summary>For role sessions: the role's ARN with its path.</summary>
    public string? RoleArn { get; init; }

    /// <summary>For role sessions: <c>AROA…</c>.</summary>
    public string? RoleId { get; init; }

    /// <summary>RoleSessionName, or the federated user's name.</summary>
    public string? SessionName { get; init; }

    /// <summary>For GetSessionToken / GetFederationToken: the IAM user that asked.</summary>
    public string? UserArn { get; init; }

    /// <summary>The caller that created the session (user ARN, or a session ARN when chained).</summary>
    public string? SourceArn { get; init; }

    /// <summary>Inline session policy text, if one was passed.</summary>
    public string? SessionPolicy { get; init; }

    /// <summary>Managed policy ARNs passed as session policies.</summary>
    public IReadOnlyList<string> SessionPolicyArns { get; init; } = [];

    public IReadOnlyList<Tag> SessionTags { get; init; } = [];

    public IReadOnlyList<string> TransitiveTagKeys { get; init; } = [];

    public string? SourceIdentity { get; init; }

    public bool MfaAuthenticated { get; init; }

    public DateTimeOffset? MfaAuthTime { get; init; }

    /// <summary>True when a role session assumed this role (role chaining: at most one hour).</summary>
    public bool Chained { get; init; }

    public bool IsExpired(DateTimeOffset now) => now >= Expiration;
}
