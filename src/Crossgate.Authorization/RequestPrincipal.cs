using System.Collections.Frozen;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization;

/// <summary>Who makes a request: everything about the caller that AWS turns into global condition keys or
/// matches against <c>Principal</c> elements.</summary>
public sealed class RequestPrincipal
{
    private static readonly FrozenDictionary<string, string> NoTags =
        FrozenDictionary<string, string>.Empty;

    private PrincipalIdentity? _identity;
    private ContextKeys? _contextKeys;

    public required PrincipalKind Kind { get; init; }

    /// <summary>The caller's ARN as AWS reports it (a session's <c>assumed-role</c> ARN; <c>arn:aws:iam::A:root</c>
    /// for root; the service name for a service; <c>anonymous</c> for anonymous callers).</summary>
    public required string Arn { get; init; }

    public string AccountId { get; init; } = string.Empty;

    public string Partition { get; init; } = "aws";

    /// <summary>The unique id of the user (<c>AIDA…</c>) or role (<c>AROA…</c>); with a session, the role's id.</summary>
    public string? UniqueId { get; init; }

    /// <summary>An IAM user's friendly name.</summary>
    public string? UserName { get; init; }

    /// <summary>Tags of the IAM user or role. Session tags override same-named ones.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoTags;

    /// <summary>For a role session: the role's ARN with its path.</summary>
    public string? RoleArn { get; init; }

    public string? SessionName { get; init; }

    public string? SourceIdentity { get; init; }

    /// <summary>Tags passed when the session was created (including transitive ones from a chain).</summary>
    public IReadOnlyDictionary<string, string> SessionTags { get; init; } = NoTags;

    /// <summary>True when the caller signs with temporary credentials (any STS session).</summary>
    public bool UsesTemporaryCredentials { get; init; }

    /// <summary>True when MFA was presented when the credentials were issued.</summary>
    public bool MultiFactorAuthenticated { get; init; }

    public DateTimeOffset? MultiFactorAuthTime { get; init; }

    public DateTimeOffset? TokenIssueTime { get; init; }

    /// <summary>Roles under <c>/aws-service-role/</c>; SCPs and RCPs do not restrict them.</summary>
    public bool IsServiceLinkedRole { get; init; }

    /// <summary>The organization of the caller's account, when it belongs to one.</summary>
    public string? OrgId { get; init; }

    /// <summary><c>o-…/r-…/ou-…/</c> paths of the caller's account.</summary>
    public IReadOnlyList<string> OrgPaths { get; init; } = [];

    /// <summary>For a service principal: <c>ec2.amazonaws.com</c> and the like.</summary>
    public string? ServiceName { get; init; }

    /// <summary>For a caller signed in through an identity provider (<c>AssumeRoleWithSAML</c>,
    /// <c>AssumeRoleWithWebIdentity</c>): the provider's ARN or name, which <c>Federated</c> principals match.</summary>
    public string? FederatedProvider { get; init; }

    public bool IsSession => Kind is PrincipalKind.AssumedRole or PrincipalKind.FederatedUser;

    /// <summary>The caller as policy <c>Principal</c> elements see it; built once.</summary>
    public PrincipalIdentity Identity => _identity ??= new PrincipalIdentity
    {
        Kind = Kind,
        Arn = Arn,
        AccountId = AccountId,
        Partition = Partition,
        RoleArn = RoleArn,
        ServiceName = ServiceName,
        FederatedProvider = FederatedProvider,
    };

    /// <summary>The condition keys the caller alone sets (<c>aws:PrincipalArn</c>, <c>aws:PrincipalTag/*</c>, …), built
    /// once: each request copies them rather than deriving them again. Never changed after it is built.</summary>
    internal ContextKeys ContextKeys => _contextKeys ??= RequestContextBuilder.PrincipalKeys(this);

    /// <summary>The value of <c>aws:PrincipalArn</c>: the role's ARN for role sessions, otherwise the caller's ARN.</summary>
    public string PrincipalArn => Kind == PrincipalKind.AssumedRole && RoleArn is not null ? RoleArn : Arn;

    /// <summary>The value of <c>aws:userid</c> (see AWS's table of principal key values).</summary>
    public string UserIdValue => Kind switch
    {
        PrincipalKind.Root => AccountId,
        PrincipalKind.User => UniqueId ?? UserName ?? Arn,
        PrincipalKind.AssumedRole => $"{UniqueId ?? RoleNameFromArn()}:{SessionName}",
        PrincipalKind.FederatedUser => $"{AccountId}:{SessionName}",
        PrincipalKind.Anonymous => "anonymous",
        _ => Arn,
    };

    /// <summary>The value of <c>aws:PrincipalType</c>.</summary>
    public string? PrincipalTypeValue => Kind switch
    {
        PrincipalKind.Root => "Account",
        PrincipalKind.User => "User",
        PrincipalKind.AssumedRole => "AssumedRole",
        PrincipalKind.FederatedUser => "FederatedUser",
        PrincipalKind.Anonymous => "Anonymous",
        _ => null,
    };

    private string RoleNameFromArn()
    {
        var role = RoleArn ?? string.Empty;
        var slash = role.LastIndexOf('/');
        return slash >= 0 ? role[(slash + 1)..] : role;
    }
}
