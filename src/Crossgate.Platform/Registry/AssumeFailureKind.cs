namespace Crossgate.Platform.Registry;

/// <summary>Why a role could not be assumed, as far as STS's answer tells.</summary>
public enum AssumeFailureKind
{
    /// <summary>AccessDenied with nothing more: AWS gives the same answer for several causes, all listed.</summary>
    AccessDeniedAmbiguous,

    /// <summary>The role's trust policy does not allow the caller.</summary>
    TrustPolicy,

    /// <summary>The caller's own permissions lack <c>sts:AssumeRole</c> on the role.</summary>
    CallerPolicy,

    /// <summary>A Deny on the caller's side (its policy, an SCP, its boundary): no Allow can override it.</summary>
    CallerDeny,

    /// <summary>The caller's side allows it, so the target is at fault: the role does not exist, or its trust policy
    /// does not trust the caller (AWS answers both alike).</summary>
    TargetSide,

    /// <summary>The role does not exist (only endpoints that say so; AWS answers AccessDenied).</summary>
    RoleMissing,

    /// <summary>The requested session is longer than the role's MaxSessionDuration.</summary>
    SessionTooLong,

    /// <summary>Role chaining limits sessions to one hour.</summary>
    ChainingLimit,

    /// <summary>The root user cannot assume roles.</summary>
    RootCaller,

    /// <summary>The platform's own credentials were refused.</summary>
    CallerCredentials,

    /// <summary>STS is not active in the region, or the endpoint could not be reached.</summary>
    Unreachable,

    Other,
}
