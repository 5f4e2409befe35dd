using System.CommandLine;
using Crossgate.Analysis.Output;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate access reach PRINCIPAL_ARN</c>: every principal it can become, with the shortest path and
/// every condition along it. Exit 1 when the store has no such principal.</summary>
internal static class AccessReachCommand
{
    public static Command Build()
    {
        var options = new AccessOptions();
        var principal = new Argument<string>("PRINCIPAL_ARN") { Description = "The user, role or account (arn:aws:iam::ID:root) to start from." };
        var command = new Command("reach", "List every principal a principal can become, with the shortest path to each.") { principal };
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var (analysis, error) = options.ParseOptions(parse);
            if (analysis is null)
            {
                parse.InvocationConfiguration.Error.WriteLine(error);
                return CrossgateCli.UsageError;
            }

            var graph = await options.BuildAsync(parse, analysis, cancellation);
            var result = graph.Reach(parse.GetValue(principal)!);
            if (!result.Found)
            {
                parse.InvocationConfiguration.Error.WriteLine($"{result.Principal} is not a principal of the store or of its trust policies.");
                return 1;
            }

            AccessWriter.Entries(parse.InvocationConfiguration.Output, parse.GetValue(options.Output)!, graph, result.Reachable,
                () => GraphJson.Reach(graph, result), $"{result.Principal} can become no other principal.");
            return 0;
        });
        return command;
    }
}
