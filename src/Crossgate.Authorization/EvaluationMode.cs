namespace Crossgate.Authorization;

/// <summary>Which of AWS's two answers the engine gives.</summary>
public enum EvaluationMode
{
    /// <summary>As live AWS enforces a request (and as Crossgate's endpoint does).</summary>
    LiveAws,

    /// <summary>As IAM's policy simulator (SimulatePrincipalPolicy / SimulateCustomPolicy) answers: only the policies it
    /// is given count, so without a resource policy a role's trust policy, a KMS key policy and the resource
    /// account's consent to cross-account access are not required.</summary>
    PolicySimulator,
}
