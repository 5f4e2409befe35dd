namespace Crossgate.Authorization;

/// <summary>The bare outcome of an evaluation, cheap enough for the hot path: the decision, the layer that settled it
/// (the granting layer when allowed, the refusing layer when denied) and the rule, when one outside the policies
/// decided.</summary>
public readonly record struct DecisionSummary(EvalDecision Decision, PolicyLayer? DecidingLayer, DecisionRule Rule = DecisionRule.Policies)
{
    public bool IsAllowed => Decision == EvalDecision.Allowed;

    /// <summary>STS refused a root user's AssumeRole before reading any policy.</summary>
    public bool RootAssumingRole => Rule == DecisionRule.RootAssumingRole;

    internal static DecisionSummary Allow(PolicyLayer layer) => new(EvalDecision.Allowed, layer);

    internal static DecisionSummary Explicit(PolicyLayer layer) => new(EvalDecision.ExplicitDeny, layer);

    internal static DecisionSummary Implicit(PolicyLayer layer) => new(EvalDecision.ImplicitDeny, layer);
}
