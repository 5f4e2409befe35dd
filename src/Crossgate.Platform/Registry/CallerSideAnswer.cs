namespace Crossgate.Platform.Registry;

/// <summary>What the caller's own account says of its <c>sts:AssumeRole</c> on a role, by IAM's policy simulator:
/// its identity-based policies, the service control policies over it and its permissions boundary (the target's
/// trust policy is not visible from the caller's account, so it is not part of the answer).</summary>
public enum CallerSide
{
    /// <summary>The caller's side allows it: the fault is on the target side.</summary>
    Allows,

    /// <summary>A Deny on the caller's side (named in the detail); no Allow can override it.</summary>
    ExplicitDeny,

    /// <summary>Nothing on the caller's side allows it.</summary>
    NoAllow,

    /// <summary>The simulator could not be asked (no permission to simulate, a root caller, no endpoint).</summary>
    Unknown,
}

/// <param name="Detail">Who refused on the caller's side: "its policy DenyAll", "the service control policy …",
/// "its permissions boundary …"; null when allowed or unknown.</param>
public sealed record CallerSideAnswer(CallerSide Side, string? Detail = null)
{
    public static readonly CallerSideAnswer Unknown = new(CallerSide.Unknown);
}
