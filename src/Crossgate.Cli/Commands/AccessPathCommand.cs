using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate access path FROM_ARN TO_ARN [--max-hops 5]</c>: every simple path between two principals.
/// Exit 1 when there is none.</summary>
internal static class AccessPathCommand
{
    public static Command Build()
    {
        var options = new AccessOptions();
        var from = new Argument<string>("FROM_ARN") { Description = "The principal to start from." };
        var to = new Argument<string>("TO_ARN") { Description = "The principal to reach." };
        var maxHops = new Option<int>("--max-hops") { Description = "The longest path to list, in edges.", DefaultValueFactory = _ => 5 };
        var command = new Command("path", "List every simple path from one principal to another.") { from, to, maxHops };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var (analysis, usage) = options.ParseOptions(parse);
            var hops = parse.GetValue(maxHops);
            if (hops is < 1 or > 12)
            {
                usage ??= "--max-hops must be between 1 and 12.";
            }

            if (usage is not null || analysis is null)
            {
                error.WriteLine(usage);
                return CrossgateCli.UsageError;
            }

            var graph = await options.BuildAsync(parse, analysis, cancellation);
            var result = graph.Paths(parse.GetValue(from)!, parse.GetValue(to)!, hops);
            if (!result.Found)
            {
                error.WriteLine($"{(graph.Find(result.From) is null ? result.From : result.To)} is not a principal of the store or of its trust policies.");
                return 1;
            }

            AccessWriter.Paths(parse.InvocationConfiguration.Output, parse.GetValue(options.Output)!, graph, result);
            return result.Paths.Count == 0 ? 1 : 0;
        });
        return command;
    }
}
