namespace Crossgate.Authorization;

/// <summary>What decided a request: the policies, or one of AWS's rules that no policy can change.</summary>
public enum DecisionRule
{
    /// <summary>AWS's policy evaluation logic over the policies that bear on the request.</summary>
    Policies,

    /// <summary>STS refuses a root user's AssumeRole ("Roles may not be assumed by root accounts.").</summary>
    RootAssumingRole,

    /// <summary><c>sts:GetCallerIdentity</c> needs no permission and succeeds even under an explicit deny.</summary>
    NeedsNoPermission,

    /// <summary>Only AWS (or the owning service) may change the resource: AWS managed policies, roles under
    /// <c>/aws-reserved/</c> and <c>/aws-service-role/</c>, AWS managed KMS aliases. An implicit deny even when the
    /// policies allow, <c>"Action": "*"</c> included.</summary>
    ProtectedResource,

    /// <summary>A KMS key is usable only through its key policy, and the request had none.</summary>
    MissingKeyPolicy,
}
