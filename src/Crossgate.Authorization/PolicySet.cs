using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization;

/// <summary>Every compiled policy that bears on one request, grouped by layer. Whoever gathers them (the
/// directory, the simulator) decides what applies: for example, no SCP levels for the management account.</summary>
public sealed class PolicySet
{
    public static readonly PolicySet Empty = new();

    /// <summary>The caller's identity-based policies (user, its groups, or the session's role).</summary>
    public ImmutableArray<CompiledPolicy> IdentityPolicies { get; init; } = ImmutableArray<CompiledPolicy>.Empty;

    /// <summary>The resource's policy; for a role, its trust policy.</summary>
    public CompiledPolicy? ResourcePolicy { get; init; }

    public CompiledPolicy? PermissionsBoundary { get; init; }

    /// <summary>Policies passed when the session was created. Empty means the session carries none.</summary>
    public ImmutableArray<CompiledPolicy> SessionPolicies { get; init; } = ImmutableArray<CompiledPolicy>.Empty;

    /// <summary>SCPs of the caller's account, one list per level from the organization root down to the account.
    /// Empty when the caller is outside an organization or in its management account.</summary>
    public ImmutableArray<ImmutableArray<CompiledPolicy>> ServiceControlPolicies { get; init; } =
        ImmutableArray<ImmutableArray<CompiledPolicy>>.Empty;

    /// <summary>RCPs of the resource's account, one list per level from the root down. An empty level stands for
    /// the undetachable <c>RCPFullAWSAccess</c> alone; an empty SCP level, by contrast, allows nothing.</summary>
    public ImmutableArray<ImmutableArray<CompiledPolicy>> ResourceControlPolicies { get; init; } =
        ImmutableArray<ImmutableArray<CompiledPolicy>>.Empty;
}
