using System.Collections.Concurrent;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Builds the access graph from a snapshot. Nothing is decided for every pair of principals and roles:
/// trust policies are read for the principals they name (accounts, ARNs, <c>*</c>, services, providers), only
/// principals whose identity policies allow the action at all are candidates, and the engine confirms each
/// candidate edge over the statements of that action alone.</summary>
internal sealed partial class GraphBuilder
{
    private readonly StoreSnapshot _snapshot;
    private readonly AnalysisOptions _options;
    private readonly NodeRegistry _nodes = new();
    private readonly EdgeDecider _decider;
    private readonly PolicyIndex _index = new();
    private readonly PrincipalFacts[] _principals;
    private readonly CallerSide[] _callers;
    private readonly ulong[] _masks;
    private readonly int[] _nodeOf;
    private readonly Dictionary<string, int> _principalByArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _principalsByAccount = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _assumersByAccount = new(StringComparer.Ordinal);
    private readonly List<int> _assumers = [];
    private readonly ConcurrentBag<List<AccessEdge>> _edgeBatches = [];

    public GraphBuilder(StoreSnapshot snapshot, AnalysisOptions options)
    {
        _snapshot = snapshot;
        _options = options;
        _decider = Callers.Decider(options, _index);
        _principals = [.. snapshot.Principals];
        _callers = new CallerSide[_principals.Length];
        _masks = new ulong[_principals.Length];
        _nodeOf = new int[_principals.Length];
        var assumeBit = AnalysisActions.Bit(AnalysisActions.AssumeRole);
        for (var i = 0; i < _principals.Length; i++)
        {
            var principal = _principals[i];
            var account = Account(principal.AccountId);
            _nodeOf[i] = _nodes.GetOrAdd(principal.Arn, principal.IsRole ? NodeKind.Role : NodeKind.User, principal.AccountId, account.OrganizationId, true).Index;
            _callers[i] = Callers.InStore(principal, account);
            _masks[i] = options.FullScan ? ulong.MaxValue : _index.AllowMask(principal.IdentityPolicies);
            _principalByArn[principal.Arn] = i;
            Add(_principalsByAccount, principal.AccountId, i);
            if ((_masks[i] & assumeBit) != 0)
            {
                Add(_assumersByAccount, principal.AccountId, i);
                _assumers.Add(i);
            }
        }
    }

    public AccessGraph Build()
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var roles = Enumerable.Range(0, _principals.Length).Where(i => _principals[i].IsRole).ToArray();

        // Trust policies first: escalation needs to know which roles services and principals can assume.
        Parallel.ForEach(Ranges(roles.Length), parallel, () => new List<AccessEdge>(), (range, _, batch) =>
        {
            for (var r = range.Item1; r < Math.Min(range.Item2, roles.Length); r++)
            {
                AddAssumeEdges(roles[r], batch);
            }

            return batch;
        }, batch => _edgeBatches.Add(batch));

        var assumeEdges = _edgeBatches.SelectMany(b => b).ToList();
        _edgeBatches.Clear();
        var context = new EscalationContext(this, assumeEdges);
        Parallel.ForEach(Ranges(_principals.Length), parallel, () => new List<AccessEdge>(), (range, _, batch) =>
        {
            for (var p = range.Item1; p < Math.Min(range.Item2, _principals.Length); p++)
            {
                AddEscalationEdges(p, context, batch);
            }

            return batch;
        }, batch => _edgeBatches.Add(batch));

        var edges = assumeEdges;
        foreach (var batch in _edgeBatches)
        {
            edges.AddRange(batch);
        }

        // A stable order whatever the threads did: by source, then target, then kind.
        edges.Sort(static (a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To != b.To ? a.To.CompareTo(b.To) : a.Kind.CompareTo(b.Kind));
        var admins = new bool[_nodes.Nodes.Count];
        foreach (var node in context.Administrators)
        {
            admins[node] = true;
        }

        return new AccessGraph(_nodes.Nodes.ToArray(), edges, admins, _snapshot);
    }

    /// <summary>Work in slices of 64, so that a thread keeps its own list of edges for a while.</summary>
    private static OrderablePartitioner<Tuple<int, int>> Ranges(int count) =>
        Partitioner.Create(0, Math.Max(count, 1), 64);

    private AccountFacts Account(string accountId) =>
        _snapshot.Accounts.TryGetValue(accountId, out var account) ? account : new AccountFacts { Id = accountId };

    private ResourceSide RoleResource(PrincipalFacts role)
    {
        var account = Account(role.AccountId);
        return new ResourceSide
        {
            Arn = role.Arn, AccountId = role.AccountId, Policy = role.TrustPolicy, Tags = role.Tags,
            OrganizationId = account.OrganizationId, OrganizationPaths = account.OrganizationPaths,
            ResourceControlPolicies = account.ResourceControlPolicies,
        };
    }

    private static void Add(Dictionary<string, List<int>> map, string key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
