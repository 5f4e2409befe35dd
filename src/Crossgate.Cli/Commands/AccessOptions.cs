using System.CommandLine;
using Crossgate.Analysis;
using Crossgate.Analysis.Graph;
using Crossgate.Analysis.Snapshot;

namespace Crossgate.Cli.Commands;

/// <summary>What every <c>access</c> command takes: the store, <c>--context KEY=VALUE</c> (repeatable) and
/// <c>--output json|table|dot|mermaid</c>; and how it builds the graph.</summary>
internal sealed class AccessOptions
{
    public StoreOptions Store { get; } = new();

    public Option<string[]> Context { get; } = new("--context")
    {
        Description = "A condition-key value the store cannot know, KEY=VALUE (repeatable), e.g. sts:ExternalId=abc or aws:SourceIp=10.0.0.1. Without one, edges carry the condition.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string> Output { get; } = CreateOutput();

    public void AddTo(Command command)
    {
        Store.AddTo(command);
        command.Options.Add(Context);
        command.Options.Add(Output);
    }

    /// <summary>The options, or the usage error to print.</summary>
    public (AnalysisOptions? Options, string? Error) ParseOptions(ParseResult parse)
    {
        var context = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in parse.GetValue(Context) ?? [])
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                return (null, $"--context takes KEY=VALUE, not '{pair}'.");
            }

            context[pair[..equals]] = pair[(equals + 1)..];
        }

        return (new AnalysisOptions { Context = context }, null);
    }

    /// <summary>With <c>CROSSGATE_TIMINGS=1</c>, the phase timings that <see cref="BuildAsync"/> started; the command
    /// marks its own phases (findings, output) on them.</summary>
    public PhaseTimings? Timings { get; private set; }

    public async Task<AccessGraph> BuildAsync(ParseResult parse, AnalysisOptions options, CancellationToken cancellation)
    {
        var timings = Timings = PhaseTimings.FromEnvironment(parse.InvocationConfiguration.Error);
        StoreSnapshot snapshot;
        await using (var store = await Store.OpenAsync(parse, cancellation))
        {
            snapshot = await StoreSnapshot.LoadAsync(store, cancellation);
        }

        timings?.Mark("load");
        var graph = AccessGraph.Build(snapshot, options);
        timings?.Mark($"build ({graph.Nodes.Count} nodes, {graph.Edges.Count} edges)");
        return graph;
    }

    private static Option<string> CreateOutput()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (for people; rows as a table, so 'table' is the same), json (the documented shapes, for scripts), dot (Graphviz) or mermaid.",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("table", "text", "json", "dot", "mermaid");
        return option;
    }
}
