namespace Crossgate.Authorization;

/// <summary>What one policy layer said about a request.</summary>
public enum LayerOutcome
{
    /// <summary>The request carried no policy of this kind, or the kind does not apply to this caller.</summary>
    NotApplicable,

    /// <summary>At least one statement allowed and none denied (for SCPs and RCPs: at every level).</summary>
    Allowed,

    /// <summary>A statement denied.</summary>
    ExplicitDeny,

    /// <summary>Policies were present but none allowed.</summary>
    NoAllow,
}

public static class LayerOutcomeNames
{
    public static string ToWireName(this LayerOutcome outcome) => outcome switch
    {
        LayerOutcome.Allowed => "allowed",
        LayerOutcome.ExplicitDeny => "explicitDeny",
        LayerOutcome.NoAllow => "implicitDeny",
        _ => "notApplicable",
    };
}
