using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Directory.Gathering;

/// <summary>The caller's side of a request, gathered once and reusable for many requests of the same caller: who
/// it is, its identity policies, boundary, session policies and the SCPs of its account.</summary>
public sealed record CallerContext(
    RequestPrincipal Principal,
    ImmutableArray<CompiledPolicy> IdentityPolicies,
    CompiledPolicy? PermissionsBoundary,
    ImmutableArray<CompiledPolicy> SessionPolicies,
    ImmutableArray<ImmutableArray<CompiledPolicy>> ServiceControlPolicies);
