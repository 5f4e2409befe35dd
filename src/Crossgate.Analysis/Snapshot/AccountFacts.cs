using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Snapshot;

/// <summary>An account of the store with what the engine needs of its organization: its id and paths, and the SCP
/// and RCP levels from the root down (none for a management account or an account outside any organization).</summary>
public sealed class AccountFacts
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string> OrganizationPaths { get; init; } = [];

    public ImmutableArray<ImmutableArray<CompiledPolicy>> ServiceControlPolicies { get; init; } = [];

    public ImmutableArray<ImmutableArray<CompiledPolicy>> ResourceControlPolicies { get; init; } = [];
}
