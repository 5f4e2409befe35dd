using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Asks the engine whether one caller may do one action on one resource, with the caller's identity
/// policies cut down to the statements of that action and the conditions the store cannot settle relaxed (see
/// <see cref="ConditionRelaxer"/>). Allowed: the edge's evidence. Denied: null, whatever the unsettled keys hold.</summary>
internal sealed class EdgeDecider(PolicyIndex index, ConditionRelaxer relaxer, ContextKeys? supplied)
{
    private static readonly CompiledPolicy OutsideIdentity = CompiledPolicy.Compile(
        PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyKind.Identity).Document!,
        "identity policies outside the store");

    [ThreadStatic]
    private static EvaluationTrace? Trace;

    [ThreadStatic]
    private static List<RelaxedPolicy>? Used;

    public PolicyIndex Index { get; } = index;

    public EdgeEvidence? Decide(CallerSide caller, string action, ResourceSide resource, (string Key, string Value)? extra = null)
    {
        var used = Used ??= [];
        used.Clear();
        var exposure = caller.Exposure;

        var identity = ImmutableArray<CompiledPolicy>.Empty;
        if (caller.OutsideGrant is not null)
        {
            identity = [OutsideIdentity];
        }
        else if (!caller.IdentityPolicies.IsDefaultOrEmpty)
        {
            var builder = ImmutableArray.CreateBuilder<CompiledPolicy>(caller.IdentityPolicies.Length);
            foreach (var policy in caller.IdentityPolicies)
            {
                if (Index.ForAction(policy, action) is { } relevant)
                {
                    builder.Add(Use(relevant, exposure, used));
                }
            }

            identity = builder.DrainToImmutable();
        }

        var policies = new PolicySet
        {
            IdentityPolicies = identity,
            PermissionsBoundary = caller.PermissionsBoundary is { } boundary ? Use(Index.BoundaryForAction(boundary, action), exposure, used) : null,
            ServiceControlPolicies = UseLevels(caller.ServiceControlPolicies, exposure, used),
            ResourcePolicy = resource.Policy is { } resourcePolicy ? Use(resourcePolicy, exposure, used) : null,
            ResourceControlPolicies = action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase)
                ? UseLevels(resource.ResourceControlPolicies, exposure, used)
                : [],
        };

        var context = supplied;
        if (extra is { } pair)
        {
            context = new ContextKeys();
            if (supplied is not null)
            {
                foreach (var (key, value) in supplied.All)
                {
                    context.Set(key, value);
                }
            }

            context.Set(pair.Key, pair.Value);
        }

        var request = new AuthorizationRequest
        {
            Principal = caller.Principal, Action = action, Resource = resource.Arn, ResourceAccount = resource.AccountId.Length == 0 ? null : resource.AccountId,
            ResourceTags = resource.Tags, ResourceOrgId = resource.OrganizationId, ResourceOrgPaths = resource.OrganizationPaths,
            Context = context,
        };

        var trace = Trace ??= new EvaluationTrace();
        trace.MatchedStatements.Clear();
        trace.MissingContextKeys.Clear();
        if (!Authorizer.Evaluate(request, policies, trace).IsAllowed)
        {
            return null;
        }

        return Evidence(trace, used, request.EvaluationContext, caller.OutsideGrant);
    }

    private RelaxedPolicy UseRelaxed(CompiledPolicy policy, Exposure exposure, List<RelaxedPolicy> used)
    {
        var relaxed = relaxer.Relax(policy, exposure);
        if (relaxed.Requires.Count > 0 || relaxed.SetAside.Count > 0)
        {
            used.Add(relaxed);
        }

        return relaxed;
    }

    private CompiledPolicy Use(CompiledPolicy policy, Exposure exposure, List<RelaxedPolicy> used) => UseRelaxed(policy, exposure, used).Policy;

    private ImmutableArray<ImmutableArray<CompiledPolicy>> UseLevels(ImmutableArray<ImmutableArray<CompiledPolicy>> levels, Exposure exposure, List<RelaxedPolicy> used)
    {
        if (levels.IsDefaultOrEmpty)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ImmutableArray<CompiledPolicy>>(levels.Length);
        foreach (var level in levels)
        {
            var relaxed = ImmutableArray.CreateBuilder<CompiledPolicy>(level.Length);
            foreach (var policy in level)
            {
                relaxed.Add(Use(policy, exposure, used));
            }

            result.Add(relaxed.MoveToImmutable());
        }

        return result.MoveToImmutable();
    }

    /// <summary>The allowing statements of the resource and identity layers, and the requirements: for each layer
    /// whose every matched allowing statement needs some unsettled condition, those of the first; then every denying
    /// statement set aside that would otherwise apply.</summary>
    private static EdgeEvidence Evidence(EvaluationTrace trace, List<RelaxedPolicy> used, RequestContext context, string? outsideGrant)
    {
        var statements = new List<Graph.StatementReference>();
        var requires = new List<string>();
        if (outsideGrant is not null)
        {
            requires.Add(outsideGrant);
        }

        for (var layer = PolicyLayer.ResourceControl; layer <= PolicyLayer.Session; layer++)
        {
            string[]? needed = null;
            var free = false;
            foreach (var matched in trace.MatchedStatements)
            {
                if (matched.Layer != layer || matched.Effect != Effect.Allow)
                {
                    continue;
                }

                if (layer is PolicyLayer.Resource or PolicyLayer.Identity && matched.PolicyName != OutsideIdentity.Name)
                {
                    var reference = new Graph.StatementReference(matched.PolicyName ?? "policy", matched.Sid);
                    if (!statements.Contains(reference))
                    {
                        statements.Add(reference);
                    }
                }

                var texts = RequiresOf(used, matched.PolicyName, matched.StatementIndex);
                if (texts is null)
                {
                    free = true;
                }
                else
                {
                    needed ??= texts;
                }
            }

            if (!free && needed is not null)
            {
                foreach (var text in needed)
                {
                    if (!requires.Contains(text))
                    {
                        requires.Add(text);
                    }
                }
            }
        }

        foreach (var relaxed in used)
        {
            foreach (var (statement, text) in relaxed.SetAside)
            {
                if (statement.MatchesAction(context.Action) && statement.MatchPrincipal(context.Principal) != PrincipalMatch.None
                    && statement.MatchesResource(context) && statement.MatchesConditions(context, null) && !requires.Contains(text))
                {
                    requires.Add(text);
                }
            }
        }

        return new EdgeEvidence(requires, statements);
    }

    private static string[]? RequiresOf(List<RelaxedPolicy> used, string? policyName, int statementIndex)
    {
        foreach (var relaxed in used)
        {
            if (relaxed.Policy.Name == policyName && relaxed.Requires.TryGetValue(statementIndex, out var texts))
            {
                return texts;
            }
        }

        return null;
    }
}
