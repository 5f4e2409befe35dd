using Crossgate.Analysis.Building;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;
using Crossgate.Directory;

namespace Crossgate.Analysis.Queries;

/// <summary><c>who-can --action ACTION --resource ARN</c>: the engine decides the action for every principal of the
/// store whose identity policies name it at all (with the role's trust policy as resource policy when the resource
/// is a role of the store); then every principal that can become one of those is found by one backward search.</summary>
internal static class ActionSearch
{
    public static WhoCanResult WhoCanPerform(AccessGraph graph, string action, string resourceArn, AnalysisOptions options)
    {
        var snapshot = graph.Snapshot;
        var index = new PolicyIndex();
        var decider = Callers.Decider(options, index);
        var resource = Resource(snapshot, resourceArn);
        var actors = new Dictionary<int, EdgeEvidenceView>();
        foreach (var principal in snapshot.Principals)
        {
            if (graph.Find(principal.Arn) is not { } node)
            {
                continue;
            }

            var account = snapshot.Accounts.TryGetValue(principal.AccountId, out var facts) ? facts : new AccountFacts { Id = principal.AccountId };
            var caller = Callers.InStore(principal, account);
            var relevant = principal.IdentityPolicies.Any(p => index.ForAction(p, action) is not null) || resource.Policy is not null;
            if (relevant && decider.Decide(caller, action, resource) is { } evidence)
            {
                actors[node.Index] = new EdgeEvidenceView(action, evidence.Requires, evidence.Statements);
            }
        }

        var parent = PathSearch.Search(graph, actors.Keys, forward: false);
        var entries = new List<ReachEntry>();
        for (var node = 0; node < parent.Length; node++)
        {
            if (parent[node] == -2)
            {
                continue;
            }

            var path = PathSearch.BackwardPath(graph, parent, node);
            var via = path.Count == 0 ? node : path[^1].To;
            entries.Add(new ReachEntry(graph.Nodes[node], new GraphPath(path)) { Via = graph.Nodes[via], Action = actors[via] });
        }

        PathSearch.Sort(entries);
        return new WhoCanResult(resourceArn, action, true, entries);
    }

    private static ResourceSide Resource(StoreSnapshot snapshot, string arn)
    {
        foreach (var principal in snapshot.Principals)
        {
            if (principal.Arn == arn)
            {
                var facts = snapshot.Accounts.GetValueOrDefault(principal.AccountId);
                return new ResourceSide
                {
                    Arn = arn, AccountId = principal.AccountId, Policy = principal.IsRole ? principal.TrustPolicy : null, Tags = principal.Tags,
                    OrganizationId = facts?.OrganizationId, OrganizationPaths = facts?.OrganizationPaths ?? [],
                    ResourceControlPolicies = facts?.ResourceControlPolicies ?? [],
                };
            }
        }

        var account = Crossgate.Policies.Matching.Arn.TryParse(arn, out var parsed) ? parsed.Account : string.Empty;
        var accountFacts = snapshot.Accounts.GetValueOrDefault(account);
        return new ResourceSide
        {
            Arn = arn, AccountId = account, OrganizationId = accountFacts?.OrganizationId, OrganizationPaths = accountFacts?.OrganizationPaths ?? [],
            ResourceControlPolicies = accountFacts?.ResourceControlPolicies ?? [],
        };
    }
}
