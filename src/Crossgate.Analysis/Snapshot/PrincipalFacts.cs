using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Snapshot;

/// <summary>A user or role of the store, compiled for the engine: the caller it makes (a role acts through a session),
/// its identity policies (a user's groups included) and boundary, and for a role its trust policy.</summary>
public sealed class PrincipalFacts
{
    public required string Arn { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required bool IsRole { get; init; }

    public required RequestPrincipal Caller { get; init; }

    public ImmutableArray<CompiledPolicy> IdentityPolicies { get; init; } = [];

    public CompiledPolicy? PermissionsBoundary { get; init; }

    /// <summary>A role's trust policy; null for users and for a role whose trust policy did not parse.</summary>
    public CompiledPolicy? TrustPolicy { get; init; }

    public int MaxSessionDuration { get; init; } = 3600;

    /// <summary>The instance profiles a role belongs to.</summary>
    public IReadOnlyList<string> InstanceProfiles { get; init; } = [];

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>A user's groups, by ARN.</summary>
    public IReadOnlyList<string> GroupArns { get; init; } = [];

    /// <summary>Customer managed policies attached to the principal, directly or (for a user) through its groups.</summary>
    public IReadOnlyList<string> CustomerManagedPolicyArns { get; init; } = [];

    public bool HasLoginProfile { get; init; }

    public int AccessKeyCount { get; init; }
}
