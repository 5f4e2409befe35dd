using Crossgate.Analysis.Building;
using Crossgate.Analysis.Findings;
using Crossgate.Analysis.Queries;
using Crossgate.Analysis.Snapshot;
using Crossgate.Directory.Storage;

namespace Crossgate.Analysis.Graph;

/// <summary>Who can become whom across the store: principals as nodes, <c>assume</c> and <c>escalation</c> edges
/// decided by the engine. Built once (<see cref="BuildAsync"/> or <see cref="Build"/>), then queried many times:
/// <see cref="Reach"/>, <see cref="WhoCan"/>, <see cref="WhoCanPerform"/>, <see cref="Paths"/>,
/// <see cref="Findings"/>. Immutable and safe to query from several threads.</summary>
public sealed class AccessGraph
{
    private readonly Dictionary<string, int> _byArn;
    private readonly int[] _outStart;
    private readonly int[] _outEdges;
    private readonly int[] _inStart;
    private readonly int[] _inEdges;
    private readonly bool[] _administrators;

    internal AccessGraph(GraphNode[] nodes, List<AccessEdge> edges, bool[] administrators, StoreSnapshot snapshot)
    {
        Nodes = nodes;
        Edges = edges;
        Snapshot = snapshot;
        _administrators = administrators;
        _byArn = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            _byArn[node.Arn] = node.Index;
        }

        (_outStart, _outEdges) = Adjacency(nodes.Length, edges, static e => e.From);
        (_inStart, _inEdges) = Adjacency(nodes.Length, edges, static e => e.To);
    }

    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<AccessEdge> Edges { get; }

    public StoreSnapshot Snapshot { get; }

    /// <summary>Reads the store and builds its graph.</summary>
    public static async Task<AccessGraph> BuildAsync(IDirectoryStore store, AnalysisOptions? options = null, CancellationToken cancellationToken = default) =>
        Build(await StoreSnapshot.LoadAsync(store, cancellationToken).ConfigureAwait(false), options);

    public static AccessGraph Build(StoreSnapshot snapshot, AnalysisOptions? options = null) =>
        new GraphBuilder(snapshot, options ?? AnalysisOptions.Default).Build();

    public GraphNode? Find(string arn) => _byArn.TryGetValue(arn, out var index) ? Nodes[index] : null;

    /// <summary>True for account root nodes (full control of an account) and principals allowed every IAM action.</summary>
    public bool IsAdministrator(int node) => Nodes[node].Kind == NodeKind.AccountRoot && Nodes[node].InStore || _administrators[node];

    public ReadOnlySpan<int> OutEdges(int node) => _outEdges.AsSpan(_outStart[node], _outStart[node + 1] - _outStart[node]);

    public ReadOnlySpan<int> InEdges(int node) => _inEdges.AsSpan(_inStart[node], _inStart[node + 1] - _inStart[node]);

    /// <summary>Every principal <paramref name="principalArn"/> can become, with the shortest path to each.</summary>
    public ReachResult Reach(string principalArn) => PathSearch.Reach(this, principalArn);

    /// <summary>Every principal that can become <paramref name="targetArn"/>, directly or through chains.</summary>
    public WhoCanResult WhoCan(string targetArn) => PathSearch.WhoCan(this, targetArn);

    /// <summary>Every principal that can perform <paramref name="action"/> on <paramref name="resourceArn"/> itself
    /// or after becoming a principal that can.</summary>
    public WhoCanResult WhoCanPerform(string action, string resourceArn, AnalysisOptions? options = null) =>
        ActionSearch.WhoCanPerform(this, action, resourceArn, options ?? AnalysisOptions.Default);

    /// <summary>Every simple path from one principal to another, at most <paramref name="maxHops"/> edges long.</summary>
    public PathsResult Paths(string fromArn, string toArn, int maxHops = 5, int limit = 1000) => PathSearch.AllPaths(this, fromArn, toArn, maxHops, limit);

    public FindingsResult Findings() => FindingRules.Evaluate(this);

    private static (int[] Start, int[] Edges) Adjacency(int nodeCount, List<AccessEdge> edges, Func<AccessEdge, int> key)
    {
        var start = new int[nodeCount + 1];
        foreach (var edge in edges)
        {
            start[key(edge) + 1]++;
        }

        for (var i = 0; i < nodeCount; i++)
        {
            start[i + 1] += start[i];
        }

        var fill = (int[])start.Clone();
        var list = new int[edges.Count];
        for (var e = 0; e < edges.Count; e++)
        {
            list[fill[key(edges[e])]++] = e;
        }

        return (start, list);
    }
}
