using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One action on one resource as the account answered it: IAM's decision word (<c>allowed</c>,
/// <c>explicitDeny</c>, <c>implicitDeny</c>), every context key the role's conditions wanted, and who refused.</summary>
public sealed record ActionVerdict(string Action, string Resource, string Decision, ImmutableArray<string> MissingContextKeys, DenialCause? Cause)
{
    public bool IsAllowed => Decision == "allowed";

    /// <summary>Refused only because a condition of the role's own policies wanted a key the question did not carry
    /// (a tag, say): the role grants the action under that condition, to be compared with the profile's.</summary>
    public bool IsConditional => !IsAllowed && Decision != "explicitDeny" && !MissingContextKeys.IsEmpty
                                 && (Cause is null || Cause.Kind == DenialKind.NoAllow);

    public string Reason => Cause?.Describe() ?? Decision;
}
