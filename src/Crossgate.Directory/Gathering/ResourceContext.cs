using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Directory.Gathering;

/// <summary>The resource's side of a request: its account, resource policy (a role's trust policy), the RCPs of its
/// account and the organization facts and tags the engine turns into <c>aws:Resource*</c> keys.</summary>
public sealed record ResourceContext(
    string Resource,
    string ResourceAccount,
    CompiledPolicy? ResourcePolicy,
    ImmutableArray<ImmutableArray<CompiledPolicy>> ResourceControlPolicies,
    string? ResourceOrgId,
    IReadOnlyList<string> ResourceOrgPaths,
    IReadOnlyDictionary<string, string> ResourceTags);
