using System.Collections.Immutable;

namespace Crossgate.Authorization.Simulation;

/// <summary>What a simulation answer adds to the engine's <see cref="Decision"/> when asked to.</summary>
public sealed class SimulationExtras
{
    /// <summary>Both simulators' decisions, set only when they differ (live AWS versus IAM's policy simulator).</summary>
    public (EvalDecision LiveAws, EvalDecision PolicySimulator)? SimulatorsDiffer { get; init; }

    /// <summary>The answer came from <see cref="EvaluationMode.PolicySimulator"/>.</summary>
    public bool AsPolicySimulator { get; init; }

    /// <summary>With <c>--discover</c>: what would change the answer.</summary>
    public Discovery? Discovery { get; init; }

    /// <summary>With <c>--resource-match any</c> and a request resource holding wildcards.</summary>
    public ResourceMatchResult? ResourceMatch { get; init; }

    public bool IsEmpty => SimulatorsDiffer is null && !AsPolicySimulator && Discovery is null && ResourceMatch is null;
}

/// <summary>The conditions under which a request would be allowed, and the statements that decide a denial.</summary>
/// <param name="AllowedWhen">Alternatives (any one suffices), each a conjunction over context keys the scenario did
/// not give, e.g. <c>sts:ExternalId = "abc" and aws:MultiFactorAuthPresent = true</c>; every one was checked by the
/// engine. Empty when no values taken from the policies would allow it.</param>
/// <param name="DecidingStatements">For a denial: the smallest set of statements that decides it (one Deny statement
/// for an explicit deny); empty for an implicit deny, which no statement makes.</param>
/// <param name="MissingAllowIn">For an implicit deny: the layer that had no allow.</param>
public sealed record Discovery(ImmutableArray<string> AllowedWhen, ImmutableArray<MatchedStatement> DecidingStatements, PolicyLayer? MissingAllowIn);

/// <summary>A wildcard request resource read as any resource it covers.</summary>
/// <param name="AllowedResource">A resource the request covers that would be allowed (null when none is).</param>
/// <param name="AllowingPatterns">The policy Resource patterns that allow it.</param>
public sealed record ResourceMatchResult(string? AllowedResource, ImmutableArray<string> AllowingPatterns);
