using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate access findings</c>: trust of outsiders without an external id, of <c>*</c> or whole accounts
/// without conditions, roles open to a whole account, chains across organizations, paths to administrators.</summary>
internal static class AccessFindingsCommand
{
    public static Command Build()
    {
        var options = new AccessOptions();
        var command = new Command("findings", "Report risky trust and the paths to administrators, each with its evidence and fix.");
        options.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var (analysis, usage) = options.ParseOptions(parse);
            if (analysis is null)
            {
                parse.InvocationConfiguration.Error.WriteLine(usage);
                return CrossgateCli.UsageError;
            }

            var graph = await options.BuildAsync(parse, analysis, cancellation);
            var findings = graph.Findings();
            options.Timings?.Mark($"findings ({findings.Findings.Count})");
            AccessWriter.Findings(parse.InvocationConfiguration.Output, parse.GetValue(options.Output)!, graph, findings);
            options.Timings?.Mark("output");
            return 0;
        });
        return command;
    }
}
