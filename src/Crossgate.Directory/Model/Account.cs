namespace Crossgate.Directory.Model;

/// <summary>An AWS account (12 digits, kept as text). Outside an organization <see cref="OrganizationId"/> and
/// <see cref="ParentId"/> are null; inside, the parent is the root or an OU.</summary>
public sealed record Account
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public AccountStatus Status { get; init; } = AccountStatus.Active;

    public string? OrganizationId { get; init; }

    public string? ParentId { get; init; }

    public string? Arn { get; init; }

    /// <summary><c>INVITED</c> or <c>CREATED</c>.</summary>
    public string? JoinedMethod { get; init; }

    /// <summary>When the account joined. An account <c>CreateAccount</c> made joins once its creation completes:
    /// until then (a time after the request) the request is <c>IN_PROGRESS</c> and the account is not listed.</summary>
    public DateTimeOffset? JoinedTimestamp { get; init; }

    /// <summary>When <c>CreateAccount</c> asked for the account; null for accounts made otherwise.</summary>
    public DateTimeOffset? CreateRequestedTimestamp { get; init; }

    /// <summary>False while the account's creation is still in progress at <paramref name="now"/>.</summary>
    public bool HasJoinedAt(DateTimeOffset now) => JoinedTimestamp is not { } joined || joined <= now;

    public IReadOnlyList<string> AttachedPolicyIds { get; init; } = [];

    public IReadOnlyList<Tag> Tags { get; init; } = [];

    /// <summary>The account's IAM password policy; null means AWS's default.</summary>
    public PasswordPolicy? PasswordPolicy { get; init; }

    public string? Alias { get; init; }
}
