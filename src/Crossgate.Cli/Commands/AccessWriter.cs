using Crossgate.Analysis.Findings;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Output;
using Crossgate.Analysis.Queries;
using Crossgate.Cli.Output;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary>Writes an access query's answer in the format asked for: the JSON contract, a table, or a drawing of
/// the edges involved.</summary>
internal static class AccessWriter
{
    public static void Entries(TextWriter writer, string format, AccessGraph graph, IReadOnlyList<ReachEntry> entries, Func<string> json, string empty)
    {
        switch (format)
        {
            case "json":
                writer.WriteLine(json());
                break;
            case "dot":
                writer.Write(GraphDrawing.Dot(graph, entries.SelectMany(e => e.Path.Edges)));
                break;
            case "mermaid":
                writer.Write(GraphDrawing.Mermaid(graph, entries.SelectMany(e => e.Path.Edges)));
                break;
            default:
                if (entries.Count == 0)
                {
                    writer.WriteLine(empty);
                    break;
                }

                var table = new Table().AddColumns("Principal", "Hops", "Path", "Requires");
                foreach (var entry in entries)
                {
                    table.AddRow(Markup.Escape(entry.Node.Arn), entry.Path.Hops.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Markup.Escape(Chain(graph, entry.Path.Edges, entry.Via)), Markup.Escape(entry.Requires.Count == 0 ? "-" : string.Join("; ", entry.Requires)));
                }

                CliOutput.Console(writer).Write(table);
                break;
        }

        writer.Flush();
    }

    public static void Paths(TextWriter writer, string format, AccessGraph graph, PathsResult result)
    {
        switch (format)
        {
            case "json":
                writer.WriteLine(GraphJson.Paths(graph, result));
                break;
            case "dot":
                writer.Write(GraphDrawing.Dot(graph, result.Paths.SelectMany(p => p.Edges)));
                break;
            case "mermaid":
                writer.Write(GraphDrawing.Mermaid(graph, result.Paths.SelectMany(p => p.Edges)));
                break;
            default:
                if (result.Paths.Count == 0)
                {
                    writer.WriteLine($"No path from {result.From} to {result.To} in {result.MaxHops} hops or fewer.");
                    break;
                }

                var table = new Table().AddColumns("Hops", "Path", "Requires");
                foreach (var path in result.Paths)
                {
                    table.AddRow(path.Hops.ToString(System.Globalization.CultureInfo.InvariantCulture), Markup.Escape(Chain(graph, path.Edges, null)),
                        Markup.Escape(path.Requires.Count == 0 ? "-" : string.Join("; ", path.Requires)));
                }

                CliOutput.Console(writer).Write(table);
                if (result.Truncated)
                {
                    writer.WriteLine($"(only the first {result.Paths.Count} paths are listed)");
                }

                break;
        }

        writer.Flush();
    }

    public static void Findings(TextWriter writer, string format, AccessGraph graph, FindingsResult result)
    {
        switch (format)
        {
            case "json":
                if (ReferenceEquals(writer, Console.Out))
                {
                    // Standard output: the bytes go straight out rather than through one large string.
                    writer.Flush();
                    using var stdout = Console.OpenStandardOutput();
                    GraphJson.Findings(stdout, graph, result);
                }
                else
                {
                    writer.WriteLine(GraphJson.Findings(graph, result));
                }

                break;
            case "dot":
                writer.Write(GraphDrawing.Dot(graph, result.Findings.SelectMany(f => f.Path)));
                break;
            case "mermaid":
                writer.Write(GraphDrawing.Mermaid(graph, result.Findings.SelectMany(f => f.Path)));
                break;
            default:
                if (result.Findings.Count == 0)
                {
                    writer.WriteLine("No findings.");
                    break;
                }

                var table = new Table().AddColumns("Severity", "Finding", "Evidence", "Fix");
                foreach (var finding in result.Findings)
                {
                    table.AddRow(Markup.Escape(finding.Severity), Markup.Escape(finding.Title + "\n" + finding.Id),
                        Markup.Escape(finding.Path.Count == 0 ? "-" : Chain(graph, finding.Path, null)), Markup.Escape(finding.Fix));
                }

                CliOutput.Console(writer).Write(table);
                break;
        }

        writer.Flush();
    }

    /// <summary><c>bob -[sts:AssumeRole]-> PlatformRole -[sts:AssumeRole]-> PlatformResponseRole</c>.</summary>
    private static string Chain(AccessGraph graph, IReadOnlyList<AccessEdge> edges, GraphNode? via)
    {
        if (edges.Count == 0)
        {
            return via is null ? "-" : "(itself)";
        }

        var text = new System.Text.StringBuilder(graph.Nodes[edges[0].From].Label);
        foreach (var edge in edges)
        {
            var label = edge.Technique is { } technique && technique != "sts-001" ? $"{edge.Action} {technique}" : edge.Action;
            text.Append(" -[").Append(label).Append("]-> ").Append(graph.Nodes[edge.To].Label);
        }

        return text.ToString();
    }
}
