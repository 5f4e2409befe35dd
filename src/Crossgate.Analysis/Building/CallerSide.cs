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
}
