using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>The caller's half of a decision: who it is, what the store knows of it, and its policies.</summary>
internal sealed class CallerSide
{
    public required RequestPrincipal Principal { get; init; }

    public required Exposure Exposure { get; init; }

    public ImmutableArray<CompiledPolicy> IdentityPolicies { get; init; } = [];

    public CompiledPolicy? PermissionsBoundary { get; init; }

    public ImmutableArray<ImmutableArray<CompiledPolicy>> ServiceControlPolicies { get; init; } = [];

    /// <summary>For a caller outside the store, whose own policies are unknown: what its account must grant, as a
    /// requirement on the edge (the engine is given an identity policy that allows, in its place).</summary>
    public string? OutsideGrant { get; init; }

    /// <summary>Per action of <see cref="AnalysisActions.All"/>: the identity policies and boundary prepared for the
    /// engine (cut to the action, conditions relaxed), computed on first use. Threads may race to fill a slot; they
    /// compute the same thing.</summary>
    internal PreparedPolicies?[] ByAction { get; } = new PreparedPolicies?[AnalysisActions.All.Length];

    internal PreparedLevels? Scps { get; set; }
}

/// <summary>Identity policies and boundary ready for one action, and those of them that carry requirements.</summary>
internal sealed record PreparedPolicies(ImmutableArray<CompiledPolicy> Identity, CompiledPolicy? Boundary, RelaxedPolicy[] Used);

/// <summary>SCP or RCP levels with relaxed conditions, and those of their policies that carry requirements.</summary>
internal sealed record PreparedLevels(ImmutableArray<ImmutableArray<CompiledPolicy>> Levels, RelaxedPolicy[] Used);
