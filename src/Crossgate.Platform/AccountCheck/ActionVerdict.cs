using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One action on one resource as the account answered it: IAM's decision word (<c>allowed</c>,
/// <c>explicitDeny</c>, <c>implicitDeny</c>), the context keys a condition wanted, and a reason when one is known.</summary>
public sealed record ActionVerdict(string Action, string Resource, string Decision, ImmutableArray<string> MissingContextKeys, string? Reason)
{
    public bool IsAllowed => Decision == "allowed";

    /// <summary>Denied only because a condition's key was absent from the question (a tag, say): the action is
    /// granted on resources that satisfy the condition.</summary>
    public bool IsConditional => !IsAllowed && Decision != "explicitDeny" && !MissingContextKeys.IsEmpty;
}
