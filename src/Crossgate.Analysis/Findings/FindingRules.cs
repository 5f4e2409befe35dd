using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Queries;
using Crossgate.Analysis.Snapshot;
using Crossgate.Policies;
using Crossgate.Policies.Matching;

namespace Crossgate.Analysis.Findings;

/// <summary>The findings: what trust policies say (read statement by statement) and what the graph shows
/// (open roles, chains across organizations, paths to administrators).</summary>
internal static class FindingRules
{
    public static FindingsResult Evaluate(AccessGraph graph)
    {
        var findings = new List<Finding>();
        TrustStatements(graph, findings);
        OpenToAccount(graph, findings);
        CrossOrganization(graph, findings);
        PathsToAdministrators(graph, findings);
        findings.Sort(static (a, b) => Severities.Rank(a.Severity) != Severities.Rank(b.Severity)
            ? Severities.Rank(a.Severity).CompareTo(Severities.Rank(b.Severity))
            : string.CompareOrdinal(a.Id, b.Id));
        return new FindingsResult(findings);
    }

    /// <summary>Trust of <c>*</c> or of a whole account without any condition; trust of an account or principal
    /// outside the role's organization without <c>sts:ExternalId</c>.</summary>
    private static void TrustStatements(AccessGraph graph, List<Finding> findings)
    {
        foreach (var role in graph.Snapshot.Principals)
        {
            if (!role.IsRole || role.TrustPolicy is not { } trust || graph.Find(role.Arn) is not { } roleNode)
            {
                continue;
            }

            var organization = roleNode.OrganizationId;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var statement in trust.Statements)
            {
                var source = statement.Source;
                if (source.Effect != Effect.Allow || source.Principal is not { } principals || !statement.MatchesAction("sts:AssumeRole"))
                {
                    continue;
                }

                var unconditional = source.Condition.IsEmpty;
                var hasExternalId = source.Condition.Conditions.Any(c => c.Key.Equals("sts:ExternalId", StringComparison.OrdinalIgnoreCase));
                if ((source.IsNotPrincipal || principals.IsWildcard || principals.Aws.Contains("*")) && unconditional && reported.Add("*"))
                {
                    findings.Add(new Finding($"wildcard-trust:{role.Arn}", Severities.High,
                        $"{role.Arn} trusts every AWS principal (\"*\") without a condition", [role.Arn, "*"], EdgesInto(graph, roleNode.Index, "*"),
                        "Name the accounts or roles that need the role in its trust policy, or add conditions such as aws:PrincipalOrgID."));
                }

                foreach (var entry in principals.Aws)
                {
                    if (entry == "*" || AccountOf(entry) is not { } account)
                    {
                        continue;
                    }

                    var isWholeAccount = entry.Length == 12 || entry.EndsWith(":root", StringComparison.Ordinal);
                    var outside = account != role.AccountId && OrganizationOf(graph.Snapshot, account) is var other && (other is null || other != organization);
                    if (outside && !hasExternalId && reported.Add("external:" + entry))
                    {
                        findings.Add(new Finding($"external-trust-without-external-id:{role.Arn}:{entry}", Severities.High,
                            $"{role.Arn} trusts {entry}, outside its organization, without sts:ExternalId", [role.Arn, entry], EdgesFromAccount(graph, roleNode.Index, account),
                            $"Add \"Condition\": {{\"StringEquals\": {{\"sts:ExternalId\": \"<secret agreed with {account}>\"}}}} to the statement trusting {entry}, or remove it."));
                    }

                    if (isWholeAccount && unconditional && reported.Add("account:" + account))
                    {
                        var same = account == role.AccountId;
                        findings.Add(new Finding($"account-trust-without-condition:{role.Arn}:{account}", same ? Severities.Low : Severities.Medium,
                            $"{role.Arn} trusts every principal of account {account} that is allowed sts:AssumeRole, without a condition",
                            [role.Arn, $"arn:aws:iam::{account}:root"], EdgesFromAccount(graph, roleNode.Index, account),
                            $"Name the roles or users of {account} that need {role.Name} instead of the whole account, or add a condition (aws:PrincipalArn, aws:PrincipalTag)."));
                    }
                }
            }
        }
    }

    /// <summary>Roles that every principal of some account (two or more) can assume.</summary>
    private static void OpenToAccount(AccessGraph graph, List<Finding> findings)
    {
        var principalsPerAccount = graph.Snapshot.Principals.GroupBy(p => p.AccountId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var role in graph.Nodes)
        {
            if (role.Kind != NodeKind.Role)
            {
                continue;
            }

            var byAccount = new Dictionary<string, List<AccessEdge>>(StringComparer.Ordinal);
            foreach (var e in graph.InEdges(role.Index))
            {
                var edge = graph.Edges[e];
                var from = graph.Nodes[edge.From];
                if (edge.Kind == EdgeKind.Assume && from.InStore && from.Kind is NodeKind.User or NodeKind.Role && from.AccountId is { } account)
                {
                    if (!byAccount.TryGetValue(account, out var list))
                    {
                        list = [];
                        byAccount[account] = list;
                    }

                    list.Add(edge);
                }
            }

            foreach (var (account, edges) in byAccount)
            {
                var everyone = principalsPerAccount.GetValueOrDefault(account) - (account == role.AccountId ? 1 : 0);
                if (edges.Count >= 2 && edges.Count == everyone)
                {
                    findings.Add(new Finding($"role-open-to-account:{role.Arn}:{account}", Severities.Medium,
                        $"Every principal of account {account} ({edges.Count}) can assume {role.Arn}",
                        [role.Arn, .. edges.Select(e => graph.Nodes[e.From].Arn)], edges,
                        $"Allow sts:AssumeRole on {role.Arn} only to the principals of {account} that need it, and name them in its trust policy."));
                }
            }
        }
    }

    /// <summary>Assume edges from one organization (or none) into another.</summary>
    private static void CrossOrganization(AccessGraph graph, List<Finding> findings)
    {
        foreach (var edge in graph.Edges)
        {
            var from = graph.Nodes[edge.From];
            var to = graph.Nodes[edge.To];
            if (edge.Kind != EdgeKind.Assume || from.AccountId is null || to.AccountId is null || from.AccountId == to.AccountId
                || from.OrganizationId == to.OrganizationId && from.OrganizationId is not null
                || from.Kind is NodeKind.Service or NodeKind.Federated or NodeKind.Anyone)
            {
                continue;
            }

            var chain = new List<AccessEdge> { edge };
            foreach (var next in graph.OutEdges(to.Index))
            {
                chain.Add(graph.Edges[next]);
                break;
            }

            findings.Add(new Finding($"cross-organization-chain:{from.Arn}->{to.Arn}", edge.IsConditional ? Severities.Low : Severities.Medium,
                $"{from.Arn} ({from.OrganizationId ?? "no organization"}) can assume {to.Arn} ({to.OrganizationId ?? "no organization"})",
                [from.Arn, to.Arn], chain,
                $"Confirm that {from.AccountId} should reach {to.AccountId}; if so require sts:ExternalId or aws:PrincipalOrgID in the trust policy of {to.Arn}."));
        }
    }

    /// <summary>Principals that are not administrators but can become one (or take control of an account).</summary>
    private static void PathsToAdministrators(AccessGraph graph, List<Finding> findings)
    {
        var administrators = new List<int>();
        for (var node = 0; node < graph.Nodes.Count; node++)
        {
            if (graph.IsAdministrator(node))
            {
                administrators.Add(node);
            }
        }

        var parent = PathSearch.Search(graph, administrators, forward: false);
        foreach (var node in graph.Nodes)
        {
            if (parent[node.Index] < 0 || graph.IsAdministrator(node.Index) || !node.InStore || node.Kind is not (NodeKind.User or NodeKind.Role))
            {
                continue;
            }

            var path = new GraphPath(PathSearch.BackwardPath(graph, parent, node.Index));
            var admin = graph.Nodes[path.Edges[^1].To];
            var technique = path.Edges.Select(e => e.Technique).LastOrDefault(t => t is not null && t != Building.EscalationTechniques.AssumeRole);
            var fix = Building.EscalationTechniques.Find(technique)?.Fix ?? Building.EscalationTechniques.All[0].Fix;
            findings.Add(new Finding($"path-to-administrator:{node.Arn}", path.Requires.Count == 0 ? Severities.High : Severities.Medium,
                $"{node.Arn} can become {(admin.Kind == NodeKind.AccountRoot ? "administrator of account " + admin.AccountId : admin.Arn + ", an administrator")} in {path.Hops} step(s)",
                [node.Arn, admin.Arn], path.Edges, fix));
        }
    }

    private static List<AccessEdge> EdgesInto(AccessGraph graph, int role, string fromArn)
    {
        var edges = new List<AccessEdge>();
        foreach (var e in graph.InEdges(role))
        {
            if (graph.Nodes[graph.Edges[e].From].Arn == fromArn)
            {
                edges.Add(graph.Edges[e]);
            }
        }

        return edges;
    }

    private static List<AccessEdge> EdgesFromAccount(AccessGraph graph, int role, string account)
    {
        var edges = new List<AccessEdge>();
        foreach (var e in graph.InEdges(role))
        {
            if (graph.Nodes[graph.Edges[e].From].AccountId == account && graph.Edges[e].Kind == EdgeKind.Assume)
            {
                edges.Add(graph.Edges[e]);
            }
        }

        return edges;
    }

    private static string? AccountOf(string entry)
    {
        if (entry.Length == 12 && entry.All(char.IsAsciiDigit))
        {
            return entry;
        }

        return Arn.TryParse(entry, out var arn) && arn.Account.Length == 12 ? arn.Account : null;
    }

    private static string? OrganizationOf(StoreSnapshot snapshot, string account) =>
        snapshot.Accounts.TryGetValue(account, out var facts) ? facts.OrganizationId : null;
}
