namespace Crossgate.Authorization;

/// <summary>The three answers AWS's evaluation gives (IAM's <c>EvalDecision</c>).</summary>
public enum EvalDecision
{
    ImplicitDeny,
    ExplicitDeny,
    Allowed,
}

public static class EvalDecisionNames
{
    /// <summary>The words IAM's simulator API uses: <c>allowed</c>, <c>explicitDeny</c>, <c>implicitDeny</c>.</summary>
    public static string ToWireName(this EvalDecision decision) => decision switch
    {
        EvalDecision.Allowed => "allowed",
        EvalDecision.ExplicitDeny => "explicitDeny",
        _ => "implicitDeny",
    };
}
