using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Queries;

namespace Crossgate.Analysis.Tests;

internal static class GraphAssertions
{
    public static ReachEntry Reaches(this AccessGraph graph, string from, string to)
    {
        var result = graph.Reach(from);
        Assert.True(result.Found, $"{from} is not in the graph");
        var entry = result.Reachable.SingleOrDefault(e => e.Node.Arn == to);
        Assert.True(entry is not null, $"{from} does not reach {to}; it reaches: {string.Join(", ", result.Reachable.Select(e => e.Node.Arn))}");
        return entry!;
    }

    public static void DoesNotReach(this AccessGraph graph, string from, string to)
    {
        var reachable = graph.Reach(from).Reachable.Select(e => e.Node.Arn).ToList();
        Assert.DoesNotContain(to, reachable);
    }

    public static AccessEdge Edge(this AccessGraph graph, string from, string to)
    {
        var edge = graph.Edges.FirstOrDefault(e => graph.Nodes[e.From].Arn == from && graph.Nodes[e.To].Arn == to);
        Assert.True(edge is not null, $"no edge {from} -> {to}; edges from it: {string.Join(", ", graph.Edges.Where(e => graph.Nodes[e.From].Arn == from).Select(e => graph.Nodes[e.To].Arn + " " + e.Technique))}");
        return edge!;
    }

    public static void NoEdge(this AccessGraph graph, string from, string to) =>
        Assert.DoesNotContain(graph.Edges, e => graph.Nodes[e.From].Arn == from && graph.Nodes[e.To].Arn == to);
}
