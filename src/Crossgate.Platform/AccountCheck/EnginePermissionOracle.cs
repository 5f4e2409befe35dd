using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Answers with the authorization engine directly, for offline checks. The caller supplies, for a role and
/// a resource, the role session as a principal and the policies that bear on it (from an imported directory, say),
/// and the names of organization policies by ARN so that a denial names its policy as the online check does.</summary>
public sealed class EnginePermissionOracle(
    Func<string, string, (RequestPrincipal Principal, PolicySet Policies)> prepare, IReadOnlyDictionary<string, string>? policyNames = null)
    : IPermissionOracle
{
    public Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<(string Action, string Resource)> questions, CancellationToken cancellation)
    {
        var verdicts = new List<ActionVerdict>(questions.Count);
        foreach (var (action, resource) in questions)
        {
            cancellation.ThrowIfCancellationRequested();
            var (principal, policies) = prepare(roleArn, resource);
            var request = new AuthorizationRequest
            {
                Principal = principal,
                Action = action,
                Resource = resource,
                ResourceAccount = ResourceAccountFor(resource, principal.AccountId),
            };
            var decision = Authorizer.Authorize(request, policies);
            verdicts.Add(new ActionVerdict(action, resource, decision.Outcome.ToWireName(), decision.MissingContextKeys,
                decision.IsAllowed ? null : CauseOf(decision, policies)));
        }

        return Task.FromResult<IReadOnlyList<ActionVerdict>>(verdicts);
    }

    public Task<IReadOnlyList<Statement>?> RoleStatementsAsync(string roleArn, CancellationToken cancellation)
    {
        var (_, policies) = prepare(roleArn, "*");
        return Task.FromResult<IReadOnlyList<Statement>?>([.. policies.IdentityPolicies.SelectMany(p => p.Document.Statements)]);
    }

    /// <summary>The layer that refused, and its policy, named as IAM's simulator and the organization name it.</summary>
    private DenialCause CauseOf(Decision decision, PolicySet policies)
    {
        switch (decision.DecidingLayer)
        {
            case PolicyLayer.ServiceControl:
            case PolicyLayer.ResourceControl:
            {
                var kind = decision.DecidingLayer == PolicyLayer.ServiceControl ? DenialKind.ServiceControlPolicy : DenialKind.ResourceControlPolicy;
                var deny = decision.MatchedStatements.FirstOrDefault(s => s.Layer == decision.DecidingLayer && s.Effect == Effect.Deny);
                if (deny?.PolicyName is not { } arn)
                {
                    return new DenialCause(kind);
                }

                return new DenialCause(kind, policyNames is not null && policyNames.TryGetValue(arn, out var name) ? name : DenialCause.NameFromArn(arn), arn);
            }

            case PolicyLayer.PermissionsBoundary:
                return policies.PermissionsBoundary?.Name is { } boundary
                    ? new DenialCause(DenialKind.PermissionsBoundary, DenialCause.NameFromArn(boundary), boundary)
                    : new DenialCause(DenialKind.PermissionsBoundary);
            case PolicyLayer.Session:
                return new DenialCause(DenialKind.SessionPolicy);
        }

        if (decision.Outcome == EvalDecision.ExplicitDeny
            && decision.MatchedStatements.FirstOrDefault(s => s.Layer == PolicyLayer.Identity && s.Effect == Effect.Deny) is { } statement)
        {
            return new DenialCause(DenialKind.RolePolicyDeny, statement.PolicyName is { } policy ? DenialCause.NameFromArn(policy) : null);
        }

        return DenialCause.NoAllow;
    }

    /// <summary>A profile's resource pattern stands for resources in the checked account: a wildcard or empty account
    /// part means the role's own account, as it does when AWS's simulator is asked the same question.</summary>
    public static string ResourceAccountFor(string resource, string roleAccount)
    {
        if (!Arn.TrySplit(resource, out var ranges))
        {
            return roleAccount;
        }

        var account = resource.AsSpan()[ranges.Account];
        return account.IsEmpty || Wildcard.HasWildcard(account) ? roleAccount : account.ToString();
    }
}
