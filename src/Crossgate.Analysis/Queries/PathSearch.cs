using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Queries;

/// <summary>Breadth-first searches over the graph. Among paths of the same length, the one with fewer unsettled
/// conditions wins, so a principal reachable without conditions is never reported as conditional.</summary>
internal static class PathSearch
{
    public static ReachResult Reach(AccessGraph graph, string arn)
    {
        if (graph.Find(arn) is not { } start)
        {
            return new ReachResult(arn, false, []);
        }

        var parent = Search(graph, [start.Index], forward: true);
        var entries = new List<ReachEntry>();
        for (var node = 0; node < parent.Length; node++)
        {
            if (node != start.Index && parent[node] >= 0)
            {
                entries.Add(new ReachEntry(graph.Nodes[node], new GraphPath(ForwardPath(graph, parent, node))));
            }
        }

        Sort(entries);
        return new ReachResult(start.Arn, true, entries);
    }

    public static WhoCanResult WhoCan(AccessGraph graph, string arn)
    {
        if (graph.Find(arn) is not { } target)
        {
            return new WhoCanResult(arn, null, false, []);
        }

        var parent = Search(graph, [target.Index], forward: false);
        var entries = new List<ReachEntry>();
        for (var node = 0; node < parent.Length; node++)
        {
            if (node != target.Index && parent[node] >= 0)
            {
                entries.Add(new ReachEntry(graph.Nodes[node], new GraphPath(BackwardPath(graph, parent, node))));
            }
        }

        Sort(entries);
        return new WhoCanResult(target.Arn, null, true, entries);
    }

    /// <summary>From every start at once, along out-edges (forward) or in-edges: for each node reached, the edge it
    /// was reached by (-1 for a start, -2 for unreached).</summary>
    public static int[] Search(AccessGraph graph, IReadOnlyCollection<int> starts, bool forward)
    {
        var count = graph.Nodes.Count;
        var parent = new int[count];
        var depth = new int[count];
        var cost = new int[count];
        Array.Fill(parent, -2);
        var queue = new Queue<int>();
        foreach (var start in starts)
        {
            parent[start] = -1;
            queue.Enqueue(start);
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            var edges = forward ? graph.OutEdges(node) : graph.InEdges(node);
            foreach (var e in edges)
            {
                var edge = graph.Edges[e];
                var next = forward ? edge.To : edge.From;
                var nextCost = cost[node] + edge.Requires.Count;
                if (parent[next] == -2)
                {
                    parent[next] = e;
                    depth[next] = depth[node] + 1;
                    cost[next] = nextCost;
                    queue.Enqueue(next);
                }
                else if (parent[next] >= 0 && depth[next] == depth[node] + 1 && nextCost < cost[next])
                {
                    parent[next] = e;
                    cost[next] = nextCost;
                }
            }
        }

        return parent;
    }

    public static List<AccessEdge> ForwardPath(AccessGraph graph, int[] parent, int node)
    {
        var path = new List<AccessEdge>();
        while (parent[node] >= 0)
        {
            var edge = graph.Edges[parent[node]];
            path.Add(edge);
            node = edge.From;
        }

        path.Reverse();
        return path;
    }

    public static List<AccessEdge> BackwardPath(AccessGraph graph, int[] parent, int node)
    {
        var path = new List<AccessEdge>();
        while (parent[node] >= 0)
        {
            var edge = graph.Edges[parent[node]];
            path.Add(edge);
            node = edge.To;
        }

        return path;
    }

    public static PathsResult AllPaths(AccessGraph graph, string fromArn, string toArn, int maxHops, int limit)
    {
        if (graph.Find(fromArn) is not { } from || graph.Find(toArn) is not { } to)
        {
            return new PathsResult(fromArn, toArn, false, maxHops, [], false);
        }

        var paths = new List<GraphPath>();
        var onPath = new bool[graph.Nodes.Count];
        var stack = new List<AccessEdge>();
        var truncated = false;

        // Nodes that cannot reach the target within the hops left are not worth entering.
        var distanceToTarget = DistancesTo(graph, to.Index);

        void Walk(int node)
        {
            if (truncated)
            {
                return;
            }

            if (node == to.Index && stack.Count > 0)
            {
                if (paths.Count == limit)
                {
                    truncated = true;
                    return;
                }

                paths.Add(new GraphPath([.. stack]));
                return;
            }

            if (stack.Count == maxHops)
            {
                return;
            }

            onPath[node] = true;
            foreach (var e in graph.OutEdges(node))
            {
                var edge = graph.Edges[e];
                if (onPath[edge.To] || distanceToTarget[edge.To] < 0 || distanceToTarget[edge.To] > maxHops - stack.Count - 1)
                {
                    continue;
                }

                stack.Add(edge);
                Walk(edge.To);
                stack.RemoveAt(stack.Count - 1);
            }

            onPath[node] = false;
        }

        if (from.Index != to.Index)
        {
            Walk(from.Index);
        }

        paths.Sort(static (a, b) => a.Hops != b.Hops ? a.Hops.CompareTo(b.Hops) : a.Requires.Count.CompareTo(b.Requires.Count));
        return new PathsResult(from.Arn, to.Arn, true, maxHops, paths, truncated);
    }

    private static int[] DistancesTo(AccessGraph graph, int target)
    {
        var distance = new int[graph.Nodes.Count];
        Array.Fill(distance, -1);
        distance[target] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(target);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var e in graph.InEdges(node))
            {
                var from = graph.Edges[e].From;
                if (distance[from] < 0)
                {
                    distance[from] = distance[node] + 1;
                    queue.Enqueue(from);
                }
            }
        }

        return distance;
    }

    public static void Sort(List<ReachEntry> entries) =>
        entries.Sort(static (a, b) => a.Path.Hops != b.Path.Hops ? a.Path.Hops.CompareTo(b.Path.Hops) : string.CompareOrdinal(a.Node.Arn, b.Node.Arn));
}
