using System.Collections.Concurrent;
using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Asks the engine whether one caller may do one action on one resource, with the caller's identity
/// policies cut down to the statements of that action and the conditions the store cannot settle relaxed (see
/// <see cref="ConditionRelaxer"/>). Allowed: the edge's evidence. Denied: null, whatever the unsettled keys hold.
/// What is prepared for a caller or a resource is kept on it, so a caller deciding a thousand roles prepares once.</summary>
internal sealed class EdgeDecider(PolicyIndex index, ConditionRelaxer relaxer, ContextKeys? supplied, bool cutByAction = true)
{
    private static readonly CompiledPolicy OutsideIdentity = CompiledPolicy.Compile(
        PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""", PolicyKind.Identity).Document!,
        "identity policies outside the store");

    private static readonly PreparedLevels NoLevels = new([], []);
    private static readonly ConcurrentDictionary<(string Policy, string? Sid), Graph.StatementReference> References = new();

    [ThreadStatic]
    private static EvaluationTrace? Trace;

    [ThreadStatic]
    private static List<RelaxedPolicy>? Used;

    public PolicyIndex Index { get; } = index;

    /// <summary>One moment for every decision of a build: the time keys are unsettled (relaxed) unless supplied, and
    /// reading the clock per decision costs more than the rest of the context on some machines.</summary>
    private readonly DateTimeOffset _time = DateTimeOffset.UtcNow;

    public EdgeEvidence? Decide(CallerSide caller, string action, ResourceSide resource, (string Key, string Value)? extra = null)
    {
        var used = Used ??= [];
        used.Clear();
        var exposure = caller.Exposure;
        var identity = PrepareIdentity(caller, action);
        used.AddRange(identity.Used);
        var scps = caller.Scps ??= PrepareLevels(caller.ServiceControlPolicies, exposure);
        used.AddRange(scps.Used);

        var resourceSide = resource.ByExposure[(int)exposure] ??= PrepareResource(resource, exposure);
        if (resourceSide.Policy is { } relaxedResource && (relaxedResource.Requires.Count > 0 || relaxedResource.SetAside.Count > 0))
        {
            used.Add(relaxedResource);
        }

        var rcps = action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) ? resourceSide.Rcps : NoLevels;
        used.AddRange(rcps.Used);

        var policies = new PolicySet
        {
            IdentityPolicies = identity.Identity,
            PermissionsBoundary = identity.Boundary,
            ServiceControlPolicies = scps.Levels,
            ResourcePolicy = resourceSide.Policy?.Policy,
            ResourceControlPolicies = rcps.Levels,
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

        var request = Request(caller, action, resource, context, reusable: extra is null);

        var trace = Trace ??= new EvaluationTrace(reuseRecords: true);
        trace.MatchedStatements.Clear();
        trace.MissingContextKeys.Clear();
        if (!Authorizer.Evaluate(request, policies, trace).IsAllowed)
        {
            return null;
        }

        return Evidence(trace, used, request.EvaluationContext, caller.OutsideGrant);
    }

    /// <summary>The request for the decision. Building its condition-key context is most of a decision's cost, and
    /// for one caller and action it differs between two untagged resources of the same account only by the resource
    /// ARN: such requests are kept (per thread, for the account being decided) and only their resource is changed.</summary>
    private AuthorizationRequest Request(CallerSide caller, string action, ResourceSide resource, ContextKeys? context, bool reusable)
    {
        reusable &= resource.AccountId.Length > 0 && resource.Tags.Count == 0;
        var cache = Requests ??= new RequestCache();
        if (reusable)
        {
            if (!string.Equals(cache.Account, resource.AccountId, StringComparison.Ordinal))
            {
                cache.Account = resource.AccountId;
                cache.Requests.Clear();
            }

            if (cache.Requests.TryGetValue((caller, action), out var kept))
            {
                kept.EvaluationContext.Resource = resource.Arn;
                return kept;
            }
        }

        // An untagged resource's keys (its account, organization and the build's one moment) are the same for every
        // caller and action: derived once per account and shared under each request's own.
        var sharable = resource.AccountId.Length > 0 && resource.Tags.Count == 0;
        var resourceKey = (resource.AccountId, resource.OrganizationId, resource.OrganizationPaths);
        ContextKeys? sharedKeys = null;
        if (sharable)
        {
            _resourceKeys.TryGetValue(resourceKey, out sharedKeys);
        }

        var request = new AuthorizationRequest
        {
            Principal = caller.Principal, Action = action, Resource = resource.Arn, ResourceAccount = resource.AccountId.Length == 0 ? null : resource.AccountId,
            ResourceTags = resource.Tags, ResourceOrgId = resource.OrganizationId, ResourceOrgPaths = resource.OrganizationPaths,
            Context = context, Time = _time, SharedResourceKeys = sharedKeys,
        };
        if (sharable && sharedKeys is null)
        {
            _resourceKeys.TryAdd(resourceKey, RequestContextBuilder.SharedResourceKeys(request));
        }

        if (reusable)
        {
            cache.Requests[(caller, action)] = request;
        }

        return request;
    }

    [ThreadStatic]
    private static RequestCache? Requests;

    private readonly ConcurrentDictionary<(string Account, string? Organization, IReadOnlyList<string> Paths), ContextKeys> _resourceKeys = new();

    private sealed class RequestCache
    {
        public string? Account { get; set; }

        public Dictionary<(CallerSide Caller, string Action), AuthorizationRequest> Requests { get; } = [];
    }

    private PreparedPolicies PrepareIdentity(CallerSide caller, string action)
    {
        var bit = AnalysisActions.IndexOf(action);
        if (bit >= 0 && caller.ByAction[bit] is { } prepared)
        {
            return prepared;
        }

        var used = new List<RelaxedPolicy>();
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
                if ((cutByAction ? Index.ForAction(policy, action) : policy) is { } relevant)
                {
                    builder.Add(Use(relevant, caller.Exposure, used));
                }
            }

            identity = builder.DrainToImmutable();
        }

        var boundary = caller.PermissionsBoundary is { } b ? Use(cutByAction ? Index.BoundaryForAction(b, action) : b, caller.Exposure, used) : null;
        prepared = new PreparedPolicies(identity, boundary, [.. used]);
        if (bit >= 0)
        {
            caller.ByAction[bit] = prepared;
        }

        return prepared;
    }

    private (RelaxedPolicy? Policy, PreparedLevels Rcps) PrepareResource(ResourceSide resource, Exposure exposure) =>
        (resource.Policy is { } policy ? relaxer.Relax(policy, exposure) : null, PrepareLevels(resource.ResourceControlPolicies, exposure));

    private CompiledPolicy Use(CompiledPolicy policy, Exposure exposure, List<RelaxedPolicy> used)
    {
        var relaxed = relaxer.Relax(policy, exposure);
        if (relaxed.Requires.Count > 0 || relaxed.SetAside.Count > 0)
        {
            used.Add(relaxed);
        }

        return relaxed.Policy;
    }

    private PreparedLevels PrepareLevels(ImmutableArray<ImmutableArray<CompiledPolicy>> levels, Exposure exposure)
    {
        if (levels.IsDefaultOrEmpty)
        {
            return NoLevels;
        }

        var used = new List<RelaxedPolicy>();
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

        return new PreparedLevels(result.MoveToImmutable(), [.. used]);
    }

    /// <summary>The allowing statements of the resource and identity layers, and the requirements: for each layer
    /// whose every matched allowing statement needs some unsettled condition, those of the first; then every denying
    /// statement set aside that would otherwise apply.</summary>
    private static EdgeEvidence Evidence(EvaluationTrace trace, List<RelaxedPolicy> used, RequestContext context, string? outsideGrant)
    {
        var statements = new List<Graph.StatementReference>(2);
        List<string>? requires = null;
        if (outsideGrant is not null)
        {
            (requires ??= []).Add(outsideGrant);
        }

        foreach (var matched in trace.MatchedStatements)
        {
            if (matched.Effect == Effect.Allow && matched.Layer is PolicyLayer.Resource or PolicyLayer.Identity && matched.PolicyName != OutsideIdentity.Name)
            {
                var reference = References.GetOrAdd((matched.PolicyName ?? "policy", matched.Sid), static key => new Graph.StatementReference(key.Policy, key.Sid));
                if (!statements.Contains(reference))
                {
                    statements.Add(reference);
                }
            }
        }

        if (used.Count > 0)
        {
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
                        requires ??= [];
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
                        && statement.MatchesResource(context) && statement.MatchesConditions(context, null) && requires?.Contains(text) != true)
                    {
                        (requires ??= []).Add(text);
                    }
                }
            }
        }

        return new EdgeEvidence(requires is null ? [] : requires, statements);
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
