namespace Crossgate.Policies.Evaluation;

/// <summary>What made a request, in the words of <c>aws:PrincipalType</c> where AWS has one.</summary>
public enum PrincipalKind
{
    /// <summary>The account's root user (<c>aws:PrincipalType</c> = <c>Account</c>).</summary>
    Root,
    User,
    AssumedRole,
    FederatedUser,
    Service,
    Anonymous,
}
