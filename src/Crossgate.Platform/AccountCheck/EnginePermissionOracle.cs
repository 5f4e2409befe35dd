using Crossgate.Authorization;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Answers with the authorization engine directly, for offline checks. The caller supplies, for a role and
/// a resource, the role session as a principal and the policies that bear on it (from an imported directory, say).</summary>
public sealed class EnginePermissionOracle(Func<string, string, (RequestPrincipal Principal, PolicySet Policies)> prepare)
    : IPermissionOracle
{
    public Task<IReadOnlyList<ActionVerdict>> EvaluateAsync(string roleArn, IReadOnlyList<string> actions, IReadOnlyList<string> resources, CancellationToken cancellation)
    {
        var verdicts = new List<ActionVerdict>(actions.Count * resources.Count);
        foreach (var resource in resources)
        {
            var (principal, policies) = prepare(roleArn, resource);
            foreach (var action in actions)
            {
                cancellation.ThrowIfCancellationRequested();
                var request = new AuthorizationRequest
                {
                    Principal = principal,
                    Action = action,
                    Resource = resource,
                    ResourceAccount = ResourceAccountFor(resource, principal.AccountId),
                };
                var decision = Authorizer.Authorize(request, policies);
                verdicts.Add(new ActionVerdict(action, resource, decision.Outcome.ToWireName(), decision.MissingContextKeys, decision.Message ?? decision.Reason));
            }
        }

        return Task.FromResult<IReadOnlyList<ActionVerdict>>(verdicts);
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
