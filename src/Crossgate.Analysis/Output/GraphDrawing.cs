using System.Text;
using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Output;

/// <summary>Graphviz DOT and Mermaid drawings of a set of edges: accounts as clusters (subgraphs), users and roles as
/// nodes, the action or technique and any condition on each edge's label.</summary>
public static class GraphDrawing
{
    public static string Dot(AccessGraph graph, IEnumerable<AccessEdge> edges)
    {
        var list = edges.Distinct().ToList();
        var text = new StringBuilder("digraph access {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n");
        var cluster = 0;
        foreach (var group in NodesOf(graph, list).GroupBy(n => n.AccountId ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indent = "  ";
            if (group.Key.Length > 0)
            {
                text.Append($"  subgraph cluster_{cluster++} {{\n    label=\"{Escape(AccountLabel(graph, group.Key))}\";\n");
                indent = "    ";
            }

            foreach (var node in group)
            {
                var shape = node.Kind switch { NodeKind.User => "ellipse", NodeKind.AccountRoot => "house", NodeKind.Role => "box", _ => "diamond" };
                text.Append($"{indent}n{node.Index} [label=\"{Escape(node.Label)}\", shape={shape}, tooltip=\"{Escape(node.Arn)}\"];\n");
            }

            if (group.Key.Length > 0)
            {
                text.Append("  }\n");
            }
        }

        foreach (var edge in list)
        {
            var style = edge.Kind == EdgeKind.Escalation ? ", color=red" : string.Empty;
            text.Append($"  n{edge.From} -> n{edge.To} [label=\"{Escape(EdgeLabel(edge, "\\n"))}\"{style}{(edge.IsConditional ? ", style=dashed" : string.Empty)}];\n");
        }

        return text.Append("}\n").ToString();
    }

    public static string Mermaid(AccessGraph graph, IEnumerable<AccessEdge> edges)
    {
        var list = edges.Distinct().ToList();
        var text = new StringBuilder("flowchart LR\n");
        foreach (var group in NodesOf(graph, list).GroupBy(n => n.AccountId ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var indent = "  ";
            if (group.Key.Length > 0)
            {
                text.Append($"  subgraph a{group.Key}[\"{MermaidText(AccountLabel(graph, group.Key))}\"]\n");
                indent = "    ";
            }

            foreach (var node in group)
            {
                var (open, close) = node.Kind switch { NodeKind.User => ("([", "])"), NodeKind.Role => ("[", "]"), _ => ("{{", "}}") };
                text.Append($"{indent}n{node.Index}{open}\"{MermaidText(node.Label)}\"{close}\n");
            }

            if (group.Key.Length > 0)
            {
                text.Append("  end\n");
            }
        }

        foreach (var edge in list)
        {
            var arrow = edge.IsConditional ? "-.->" : edge.Kind == EdgeKind.Escalation ? "==>" : "-->";
            text.Append($"  n{edge.From} {arrow}|\"{MermaidText(EdgeLabel(edge, "<br/>"))}\"| n{edge.To}\n");
        }

        return text.ToString();
    }

    private static IEnumerable<GraphNode> NodesOf(AccessGraph graph, List<AccessEdge> edges) =>
        edges.SelectMany(e => new[] { e.From, e.To }).Distinct().Order().Select(i => graph.Nodes[i]);

    private static string AccountLabel(AccessGraph graph, string account) =>
        graph.Snapshot.Accounts.TryGetValue(account, out var facts) && facts.Name is { } name ? $"{name} ({account})" : account;

    private static string EdgeLabel(AccessEdge edge, string lineBreak)
    {
        var label = edge.Technique is { } technique && technique != Building.EscalationTechniques.AssumeRole ? $"{edge.Action} ({technique})" : edge.Action;
        return edge.Requires.Count == 0 ? label : label + lineBreak + string.Join(lineBreak, edge.Requires);
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static string MermaidText(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal);
}
