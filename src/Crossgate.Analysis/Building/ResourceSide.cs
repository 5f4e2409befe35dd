using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>The resource's half of a decision: its ARN and account, its resource policy (a role's trust policy),
/// tags, organization and RCP levels.</summary>
internal sealed class ResourceSide
{
    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public CompiledPolicy? Policy { get; init; }

    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoTags;

    public string? OrganizationId { get; init; }

    public IReadOnlyList<string> OrganizationPaths { get; init; } = [];

    public ImmutableArray<ImmutableArray<CompiledPolicy>> ResourceControlPolicies { get; init; } = [];

    /// <summary>The resource policy and RCP levels prepared per caller <see cref="Exposure"/>, on first use.</summary>
    internal (RelaxedPolicy? Policy, PreparedLevels Rcps)?[] ByExposure { get; } = new (RelaxedPolicy?, PreparedLevels)?[4];
}
