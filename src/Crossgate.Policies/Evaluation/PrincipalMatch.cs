namespace Crossgate.Policies.Evaluation;

/// <summary>Which entry of a <c>Principal</c> element named the caller. The engine needs to know, because
/// AWS treats a grant to the account, to the role and to the session differently.</summary>
public enum PrincipalMatch
{
    /// <summary>The element does not name the caller.</summary>
    None,

    /// <summary>The statement has no <c>Principal</c> element (identity-side policies).</summary>
    NotApplicable,

    /// <summary><c>"*"</c> or <c>{"AWS":"*"}</c>.</summary>
    Wildcard,

    /// <summary>The caller's account: a 12-digit id or <c>arn:aws:iam::A:root</c>.</summary>
    Account,

    /// <summary>The IAM user's own ARN.</summary>
    User,

    /// <summary>The ARN of the role a session belongs to.</summary>
    Role,

    /// <summary>The session's own <c>assumed-role</c> ARN.</summary>
    Session,

    /// <summary>A <c>federated-user</c> ARN.</summary>
    FederatedUser,

    Service,

    Federated,

    /// <summary>A <c>NotPrincipal</c> element that does not list the caller.</summary>
    NotPrincipal,
}
