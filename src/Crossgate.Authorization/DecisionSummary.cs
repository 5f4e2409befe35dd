namespace Crossgate.Authorization;

/// <summary>The bare outcome of an evaluation, cheap enough for the hot path: the decision and the layer that
/// settled it (the granting layer when allowed, the refusing layer when denied).</summary>
public readonly record struct DecisionSummary(EvalDecision Decision, PolicyLayer? DecidingLayer, bool RootAssumingRole = false)
{
    public bool IsAllowed => Decision == EvalDecision.Allowed;

    internal static DecisionSummary Allow(PolicyLayer layer) => new(EvalDecision.Allowed, layer);

    internal static DecisionSummary Explicit(PolicyLayer layer) => new(EvalDecision.ExplicitDeny, layer);

    internal static DecisionSummary Implicit(PolicyLayer layer) => new(EvalDecision.ImplicitDeny, layer);
}
