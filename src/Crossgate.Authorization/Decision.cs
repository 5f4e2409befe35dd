using System.Collections.Immutable;

namespace Crossgate.Authorization;

/// <summary>The engine's full answer: the decision, why, in AWS's own words, and what it looked at.</summary>
public sealed class Decision
{
    public required EvalDecision Outcome { get; init; }

    public bool IsAllowed => Outcome == EvalDecision.Allowed;

    /// <summary>The layer that granted (when allowed) or refused (when denied); null for refusals that no policy
    /// makes, such as a root user assuming a role.</summary>
    public PolicyLayer? DecidingLayer { get; init; }

    /// <summary>What decided: the policies, or a rule no policy changes (GetCallerIdentity, protected resources, a
    /// missing KMS key policy, a root user assuming a role).</summary>
    public DecisionRule Rule { get; init; }

    /// <summary>AWS's AccessDenied message; null when allowed.</summary>
    public string? Message { get; init; }

    /// <summary>A plain statement of the cause, also for STS denials whose AWS message gives none.</summary>
    public string? Reason { get; init; }

    public required ImmutableArray<LayerResult> Layers { get; init; }

    public required ImmutableArray<MatchedStatement> MatchedStatements { get; init; }

    /// <summary>Every condition key that a statement applying to the request (its action, principal and resource
    /// matched) referred to and the request did not carry — all of them, not only the key of the first condition
    /// that failed, as IAM's <c>MissingContextValues</c> lists them. Sorted ordinally, each key once, spelled as
    /// the policy spells it. Empty when nothing was missing.</summary>
    public required ImmutableArray<string> MissingContextKeys { get; init; }

    public LayerOutcome OutcomeOf(PolicyLayer layer)
    {
        foreach (var result in Layers)
        {
            if (result.Layer == layer)
            {
                return result.Outcome;
            }
        }

        return LayerOutcome.NotApplicable;
    }
}
