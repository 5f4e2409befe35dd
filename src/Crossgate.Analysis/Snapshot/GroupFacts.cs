using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Snapshot;

/// <summary>An IAM group: whoever joins it gets its policies (<c>iam:AddUserToGroup</c>).</summary>
public sealed class GroupFacts
{
    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public ImmutableArray<CompiledPolicy> Policies { get; init; } = [];
}
