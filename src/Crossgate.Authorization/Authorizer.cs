using System.Collections.Immutable;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization;

/// <summary>AWS's policy evaluation logic: explicit denies first, then RCPs and SCPs at every level, then the
/// resource policy, identity policies, permissions boundary and session policies, with the same-account and
/// cross-account rules of the IAM User Guide. <see cref="Decide"/> allocates nothing; <see cref="Authorize"/>
/// also explains.</summary>
public static class Authorizer
{
    /// <summary>The decision alone, for the hot path.</summary>
    public static DecisionSummary Decide(AuthorizationRequest request, PolicySet policies, EvaluationMode mode = EvaluationMode.LiveAws) =>
        Evaluate(request, policies, null, mode);

    /// <summary>The decision with its explanation: layers, matched statements, missing keys, AWS's message.</summary>
    public static Decision Authorize(AuthorizationRequest request, PolicySet policies, EvaluationMode mode = EvaluationMode.LiveAws)
    {
        var trace = new EvaluationTrace();
        var summary = Evaluate(request, policies, trace, mode);
        var layers = ImmutableArray.CreateBuilder<LayerResult>(6);
        for (var layer = PolicyLayer.ResourceControl; layer <= PolicyLayer.Session; layer++)
        {
            layers.Add(new LayerResult(layer, trace[layer]));
        }

        var denyingPolicy = DenyingPolicy(summary, trace);
        return new Decision
        {
            Outcome = summary.Decision,
            DecidingLayer = summary.DecidingLayer,
            Rule = summary.Rule,
            Message = DenialMessage.For(request, summary, denyingPolicy),
            Reason = DenialMessage.ReasonFor(request, summary),
            Layers = layers.MoveToImmutable(),
            MatchedStatements = [.. trace.MatchedStatements],
            MissingContextKeys = [.. trace.MissingContextKeys],
        };
    }

    public static DecisionSummary Evaluate(AuthorizationRequest request, PolicySet policies, EvaluationTrace? trace) =>
        Evaluate(request, policies, trace, EvaluationMode.LiveAws);

    public static DecisionSummary Evaluate(AuthorizationRequest request, PolicySet policies, EvaluationTrace? trace, EvaluationMode mode)
    {
        // GetCallerIdentity needs no permission and works even under an explicit deny.
        if (request.Action.Equals(StsActions.GetCallerIdentity, StringComparison.OrdinalIgnoreCase))
        {
            return new DecisionSummary(EvalDecision.Allowed, null, DecisionRule.NeedsNoPermission);
        }

        var summary = EvaluatePolicies(request, policies, trace, mode);

        // What only AWS may change stays unchanged whatever the policies allow; the owning service is let through.
        if (summary.IsAllowed && request.Principal.Kind != PrincipalKind.Service
            && ProtectedResources.Covers(request.Action, request.Resource) is not null)
        {
            return new DecisionSummary(EvalDecision.ImplicitDeny, null, DecisionRule.ProtectedResource);
        }

        return summary;
    }

    /// <summary>The policy whose Deny statement decided an explicit deny (the first one met), for the message.</summary>
    private static string? DenyingPolicy(DecisionSummary summary, EvaluationTrace trace)
    {
        if (summary.Decision != EvalDecision.ExplicitDeny || summary.DecidingLayer is not { } layer)
        {
            return null;
        }

        foreach (var matched in trace.MatchedStatements)
        {
            if (matched.Layer == layer && matched.Effect == Effect.Deny)
            {
                return matched.PolicyName;
            }
        }

        return null;
    }

    private static DecisionSummary EvaluatePolicies(AuthorizationRequest request, PolicySet policies, EvaluationTrace? trace, EvaluationMode mode)
    {
        var context = request.EvaluationContext;
        var principal = request.Principal;
        var kind = principal.Kind;

        // STS refuses root callers before any policy is read.
        if (kind == PrincipalKind.Root && request.Action.Equals(StsActions.AssumeRole, StringComparison.OrdinalIgnoreCase))
        {
            return new DecisionSummary(EvalDecision.ImplicitDeny, null, DecisionRule.RootAssumingRole);
        }

        var missing = trace?.MissingContextKeys;
        var exemptFromOrgPolicies = principal.IsServiceLinkedRole;
        var isIamPrincipal = kind is PrincipalKind.User or PrincipalKind.AssumedRole or PrincipalKind.FederatedUser;

        var rcp = exemptFromOrgPolicies ? default : ScanLevels(policies.ResourceControlPolicies, context, PolicyLayer.ResourceControl, trace, emptyLevelAllows: true);
        var scp = exemptFromOrgPolicies || !(isIamPrincipal || kind == PrincipalKind.Root)
            ? default
            : ScanLevels(policies.ServiceControlPolicies, context, PolicyLayer.ServiceControl, trace, emptyLevelAllows: false);

        var resource = default(LayerScan);
        if (policies.ResourcePolicy is { } resourcePolicy)
        {
            resource.Present = true;
            Scan(resourcePolicy, context, PolicyLayer.Resource, ref resource, trace, missing);
        }

        var identity = default(LayerScan);
        var boundary = default(LayerScan);
        var session = default(LayerScan);
        if (isIamPrincipal)
        {
            var identityPolicies = policies.IdentityPolicies;
            identity.Present = !identityPolicies.IsEmpty;
            for (var i = 0; i < identityPolicies.Length; i++)
            {
                Scan(identityPolicies[i], context, PolicyLayer.Identity, ref identity, trace, missing);
            }

            if (policies.PermissionsBoundary is { } boundaryPolicy)
            {
                boundary.Present = true;
                Scan(boundaryPolicy, context, PolicyLayer.PermissionsBoundary, ref boundary, trace, missing);
            }

            if (principal.IsSession)
            {
                var sessionPolicies = policies.SessionPolicies;
                session.Present = !sessionPolicies.IsEmpty;
                for (var i = 0; i < sessionPolicies.Length; i++)
                {
                    Scan(sessionPolicies[i], context, PolicyLayer.Session, ref session, trace, missing);
                }
            }
        }

        if (trace is not null)
        {
            trace[PolicyLayer.ResourceControl] = rcp.Outcome;
            trace[PolicyLayer.ServiceControl] = scp.Outcome;
            trace[PolicyLayer.Resource] = resource.Outcome;
            trace[PolicyLayer.Identity] = kind == PrincipalKind.Root ? LayerOutcome.NotApplicable : identity.Outcome;
            trace[PolicyLayer.PermissionsBoundary] = boundary.Outcome;
            trace[PolicyLayer.Session] = session.Outcome;
        }

        // 1. An explicit deny anywhere ends the evaluation.
        if (rcp.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.ResourceControl);
        }

        if (scp.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.ServiceControl);
        }

        if (resource.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.Resource);
        }

        if (identity.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.Identity);
        }

        if (boundary.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.PermissionsBoundary);
        }

        if (session.Deny)
        {
            return DecisionSummary.Explicit(PolicyLayer.Session);
        }

        // 2-3. Organization guardrails need an Allow at every level from the root down.
        if (rcp.Present && !rcp.Allow)
        {
            return DecisionSummary.Implicit(PolicyLayer.ResourceControl);
        }

        if (scp.Present && !scp.Allow)
        {
            return DecisionSummary.Implicit(PolicyLayer.ServiceControl);
        }

        // Anonymous callers and services can only be let in by a resource policy that names them (or "*").
        if (!isIamPrincipal && kind != PrincipalKind.Root)
        {
            return resource.Grant == ResourceGrant.Direct
                ? DecisionSummary.Allow(PolicyLayer.Resource)
                : DecisionSummary.Implicit(PolicyLayer.Resource);
        }

        // The policy simulator evaluates only the policies it is given: without a resource policy, neither a trust
        // policy, nor a key policy, nor the resource account's consent is required.
        var simulatorWithoutResourcePolicy = mode == EvaluationMode.PolicySimulator && !resource.Present;
        var crossAccount = request.IsCrossAccount && !simulatorWithoutResourcePolicy;

        // A KMS key is usable only through its key policy: with none, nothing else can grant access to the key.
        var kmsKey = KmsKeys.IsKeyRequest(request.Action, request.Resource);
        if (kmsKey && !resource.Present && !simulatorWithoutResourcePolicy)
        {
            return new DecisionSummary(EvalDecision.ImplicitDeny, PolicyLayer.Resource, DecisionRule.MissingKeyPolicy);
        }

        // A role's trust policy, like a key policy, must itself admit the caller (or its account, which then needs an
        // identity allow too); an identity allow alone is never enough.
        var trustDecides = !simulatorWithoutResourcePolicy
            && (StsActions.IsAssumeRoleFamily(request.Action) || kmsKey || policies.ResourcePolicy?.Document.Kind == PolicyKind.Trust);

        if (!crossAccount)
        {
            // 4. Same account: a grant to the caller itself stands on its own; a grant to the session's role is
            // still limited by the boundary and session policies; a grant to the account is a delegation.
            if (resource.Grant == ResourceGrant.Direct)
            {
                return DecisionSummary.Allow(PolicyLayer.Resource);
            }

            if (resource.Grant == ResourceGrant.Role)
            {
                if (boundary.Present && !boundary.Allow)
                {
                    return DecisionSummary.Implicit(PolicyLayer.PermissionsBoundary);
                }

                return session.Present && !session.Allow
                    ? DecisionSummary.Implicit(PolicyLayer.Session)
                    : DecisionSummary.Allow(PolicyLayer.Resource);
            }

            if (trustDecides && resource.Grant == ResourceGrant.None)
            {
                return DecisionSummary.Implicit(PolicyLayer.Resource);
            }
        }

        // 5. Identity-based policies (the root user holds every permission in its own account).
        if (kind != PrincipalKind.Root && !identity.Allow)
        {
            return DecisionSummary.Implicit(PolicyLayer.Identity);
        }

        // Cross-account access needs the resource's account to agree as well.
        if (crossAccount && resource.Grant == ResourceGrant.None)
        {
            return DecisionSummary.Implicit(PolicyLayer.Resource);
        }

        // 6. Permissions boundary.
        if (boundary.Present && !boundary.Allow)
        {
            return DecisionSummary.Implicit(PolicyLayer.PermissionsBoundary);
        }

        // 7. Session policies; a federated-user session without one has no permissions at all.
        if (principal.IsSession)
        {
            if (session.Present ? !session.Allow : kind == PrincipalKind.FederatedUser)
            {
                return DecisionSummary.Implicit(PolicyLayer.Session);
            }
        }

        return DecisionSummary.Allow(PolicyLayer.Identity);
    }

    private static LayerScan ScanLevels(ImmutableArray<ImmutableArray<CompiledPolicy>> levels, RequestContext context,
        PolicyLayer layer, EvaluationTrace? trace, bool emptyLevelAllows)
    {
        var result = default(LayerScan);
        if (levels.IsDefaultOrEmpty)
        {
            return result;
        }

        result.Present = true;
        result.Allow = true;
        var missing = trace?.MissingContextKeys;
        for (var level = 0; level < levels.Length; level++)
        {
            var scan = default(LayerScan);
            var policies = levels[level];

            // RCPFullAWSAccess cannot be detached, so a level listed without policies still allows; every SCP
            // target must hold at least one SCP, so an empty SCP level allows nothing.
            scan.Allow = policies.IsEmpty && emptyLevelAllows;
            for (var i = 0; i < policies.Length; i++)
            {
                Scan(policies[i], context, layer, ref scan, trace, missing);
            }

            result.Deny |= scan.Deny;
            result.Allow &= scan.Allow;
        }

        return result;
    }

    private static void Scan(CompiledPolicy policy, RequestContext context, PolicyLayer layer, ref LayerScan scan,
        EvaluationTrace? trace, ICollection<string>? missing)
    {
        var statements = policy.Statements;
        if (policy.Index is not { } index)
        {
            for (var i = 0; i < statements.Length; i++)
            {
                ScanStatement(policy, statements[i], context, layer, ref scan, trace, missing);
            }

            return;
        }

        // A large policy: only the statements its index lets through, in their order (the same matches, trace
        // records and missing keys as a full scan).
        Span<ulong> candidates = stackalloc ulong[index.Words];
        index.Select(context, candidates);
        for (var i = StatementIndex.Next(candidates, 0); i >= 0; i = StatementIndex.Next(candidates, i + 1))
        {
            ScanStatement(policy, statements[i], context, layer, ref scan, trace, missing);
        }
    }

    private static void ScanStatement(CompiledPolicy policy, CompiledStatement statement, RequestContext context,
        PolicyLayer layer, ref LayerScan scan, EvaluationTrace? trace, ICollection<string>? missing)
    {
        if (!statement.MatchesAction(context.Action))
        {
            return;
        }

        var principalMatch = statement.MatchPrincipal(context.Principal);
        if (principalMatch == PrincipalMatch.None
            || !statement.MatchesResource(context)
            || !statement.MatchesConditions(context, missing))
        {
            return;
        }

        trace?.Record(layer, policy, statement);
        if (statement.Effect == Effect.Deny)
        {
            scan.Deny = true;
            return;
        }

        scan.Allow = true;
        var grant = ResourceGrantRules.From(principalMatch);
        if (grant > scan.Grant)
        {
            scan.Grant = grant;
        }
    }

    /// <summary>What one layer's statements said.</summary>
    private struct LayerScan
    {
        public bool Present;
        public bool Allow;
        public bool Deny;
        public ResourceGrant Grant;

        public readonly LayerOutcome Outcome =>
            !Present ? LayerOutcome.NotApplicable
            : Deny ? LayerOutcome.ExplicitDeny
            : Allow ? LayerOutcome.Allowed
            : LayerOutcome.NoAllow;
    }
}
