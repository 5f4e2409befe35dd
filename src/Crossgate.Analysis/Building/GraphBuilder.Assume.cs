using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Assume edges: for one role, the candidates its trust policy names, each confirmed by the engine.</summary>
internal sealed partial class GraphBuilder
{
    /// <summary>Each thread's candidate set, cleared for every role; replaced when a build has more principals.</summary>
    [ThreadStatic]
    private static CandidateSet? Candidates;

    private void AddAssumeEdges(int roleIndex, List<AccessEdge> edges)
    {
        var role = _principals[roleIndex];
        if (role.TrustPolicy is not { } trust)
        {
            return;
        }

        var resource = RoleResource(role);
        var inStore = Candidates is { Capacity: var capacity } && capacity >= _principals.Length ? Candidates : Candidates = new CandidateSet(_principals.Length);
        inStore.Clear();
        var outside = new Dictionary<string, (NodeKind Kind, string Action, string? Account)>(StringComparer.Ordinal);
        foreach (var statement in trust.Statements)
        {
            if (statement.Effect != Effect.Allow || statement.Source.Principal is not { } principals)
            {
                continue;
            }

            if (statement.MatchesAction(AnalysisActions.AssumeRole))
            {
                if (statement.Source.IsNotPrincipal || principals.IsWildcard || principals.Aws.Contains("*"))
                {
                    inStore.AddRange(_assumers);

                    // "*" grants on its own inside the role's account: its principals need no identity allow.
                    if (_principalsByAccount.TryGetValue(role.AccountId, out var sameAccount))
                    {
                        inStore.AddRange(sameAccount);
                    }

                    outside.TryAdd("*", (NodeKind.Anyone, AnalysisActions.AssumeRole, null));
                }

                foreach (var entry in principals.Aws)
                {
                    AddNamedCandidates(entry, inStore, outside);
                }

                foreach (var service in principals.Service)
                {
                    outside.TryAdd(service, (NodeKind.Service, AnalysisActions.AssumeRole, null));
                }
            }

            foreach (var provider in principals.Federated)
            {
                var action = provider.Contains(":saml-provider/", StringComparison.Ordinal) ? AnalysisActions.AssumeRoleWithSaml : AnalysisActions.AssumeRoleWithWebIdentity;
                if (statement.MatchesAction(action))
                {
                    outside.TryAdd(provider, (NodeKind.Federated, action, null));
                }
            }
        }

        if (_options.FullScan)
        {
            inStore.AddRange(_assumers);
        }

        var target = _nodeOf[roleIndex];
        foreach (var candidate in inStore.Items)
        {
            if (candidate == roleIndex)
            {
                continue;
            }

            if (_decider.Decide(_callers[candidate], AnalysisActions.AssumeRole, resource) is { } evidence)
            {
                var caller = _principals[candidate];
                var edge = new AccessEdge(_nodeOf[candidate], target, EdgeKind.Assume, AnalysisActions.AssumeRole, EscalationTechniques.AssumeRole, evidence.Requires, evidence.Statements);
                if (caller.IsRole && role.MaxSessionDuration > RoleSessionDuration.ChainingLimit)
                {
                    edge = edge with { Note = $"role chaining: a session of {caller.Arn} gets at most 3600 seconds here, not the role's MaxSessionDuration of {role.MaxSessionDuration}" };
                }

                edges.Add(edge);
            }
        }

        foreach (var (arn, (kind, action, account)) in outside)
        {
            var caller = OutsideCaller(arn, kind, account, role.Arn, action);
            if (_decider.Decide(caller, action, resource) is { } evidence)
            {
                var node = _nodes.GetOrAdd(arn, kind, account, null, false);
                edges.Add(new AccessEdge(node.Index, target, EdgeKind.Assume, action, action == AnalysisActions.AssumeRole ? EscalationTechniques.AssumeRole : null, evidence.Requires, evidence.Statements));
            }
        }
    }

    /// <summary>An account (id or root ARN): its principals that may assume roles at all, or, when the account is
    /// not in the store, the account itself. A user or role ARN: that principal, in the store or outside it.</summary>
    private void AddNamedCandidates(string entry, CandidateSet inStore, Dictionary<string, (NodeKind, string, string?)> outside)
    {
        string? account = null;
        if (entry.Length == 12 && entry.All(char.IsAsciiDigit))
        {
            account = entry;
        }
        else if (Crossgate.Policies.Matching.Arn.TryParse(entry, out var arn) && arn.Service == "iam" && arn.Resource == "root")
        {
            account = arn.Account;
        }

        if (account is not null)
        {
            if (_assumersByAccount.TryGetValue(account, out var assumers))
            {
                inStore.AddRange(assumers);
            }
            else if (!_principalsByAccount.ContainsKey(account) && !_snapshot.Accounts.ContainsKey(account))
            {
                outside.TryAdd($"arn:aws:iam::{account}:root", (NodeKind.AccountRoot, AnalysisActions.AssumeRole, account));
            }

            return;
        }

        if (_principalByArn.TryGetValue(entry, out var principal))
        {
            inStore.Add(principal);
            return;
        }

        if (Crossgate.Policies.Matching.Arn.TryParse(entry, out var named) && named.Service == "iam"
            && (named.Resource.StartsWith("user/", StringComparison.Ordinal) || named.Resource.StartsWith("role/", StringComparison.Ordinal))
            && !_snapshot.Accounts.ContainsKey(named.Account) && !_principalsByAccount.ContainsKey(named.Account))
        {
            outside.TryAdd(entry, (NodeKind.ExternalPrincipal, AnalysisActions.AssumeRole, named.Account));
        }
    }

    /// <summary>A caller the store does not hold: the engine gets an identity policy that allows in place of the
    /// unknown ones, and the edge says what that account must really grant.</summary>
    private static CallerSide OutsideCaller(string arn, NodeKind kind, string? account, string roleArn, string action)
    {
        switch (kind)
        {
            case NodeKind.Service:
                return new CallerSide { Principal = new RequestPrincipal { Kind = PrincipalKind.Service, Arn = arn, ServiceName = arn }, Exposure = Exposure.Anyone };
            case NodeKind.Federated:
                return new CallerSide { Principal = new RequestPrincipal { Kind = PrincipalKind.Anonymous, Arn = arn, FederatedProvider = arn }, Exposure = Exposure.Anyone };
            case NodeKind.Anyone:
                return new CallerSide
                {
                    Principal = new RequestPrincipal { Kind = PrincipalKind.User, Arn = "arn:aws:iam::000000000000:user/anyone", AccountId = "000000000000" },
                    Exposure = Exposure.Anyone, OutsideGrant = $"the caller's own account allows {action} on {roleArn}",
                };
            case NodeKind.AccountRoot:
                return new CallerSide
                {
                    Principal = new RequestPrincipal { Kind = PrincipalKind.User, Arn = $"arn:aws:iam::{account}:user/any-principal", AccountId = account! },
                    Exposure = Exposure.ExternalAccount, OutsideGrant = $"an identity policy in account {account} allows {action} on {roleArn}",
                };
            default:
                var isRole = arn.Contains(":role/", StringComparison.Ordinal);
                var name = arn[(arn.LastIndexOf('/') + 1)..];
                return new CallerSide
                {
                    Principal = isRole
                        ? new RequestPrincipal { Kind = PrincipalKind.AssumedRole, Arn = $"arn:aws:sts::{account}:assumed-role/{name}/{StoreSnapshot.AnalysisSessionName}", AccountId = account!, RoleArn = arn, UsesTemporaryCredentials = true }
                        : new RequestPrincipal { Kind = PrincipalKind.User, Arn = arn, AccountId = account!, UserName = name },
                    Exposure = Exposure.ExternalNamed, OutsideGrant = $"an identity policy of {arn} allows {action} on {roleArn}",
                };
        }
    }
}
