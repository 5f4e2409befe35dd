using System.CommandLine;
using System.Text;
using Crossgate.Authorization;
using Crossgate.Authorization.Simulation;
using Crossgate.Cli.Input;
using Crossgate.Cli.Output;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate simulate SCENARIO.json</c>: decides offline, with no server or store, whether AWS would
/// allow each scenario's request. Exit 0 whatever the decisions, 1 when a scenario or policy is invalid, 2 on bad
/// usage.</summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("SCENARIO") { Description = "A scenario JSON file (one object or an array), or - for standard input." };
        var output = OutputFormatOption.Create();
        var mode = new Option<string>("--as")
        {
            Description = "Whose answer to give: live-aws (as AWS enforces the request; the default) or policy-simulator (as IAM's SimulatePrincipalPolicy/SimulateCustomPolicy answer). Either way, answers the other would decide differently carry simulatorsDiffer.",
            DefaultValueFactory = _ => "live-aws",
        };
        mode.AcceptOnlyFromAmong("live-aws", "policy-simulator");
        var discover = new Option<bool>("--discover")
        {
            Description = "Also say under which values of the context keys the scenario does not give the request would be allowed, and which statements decide a denial.",
        };
        var resourceMatch = new Option<string>("--resource-match")
        {
            Description = "literal (AWS's matching; the default) or any: a request resource with wildcards is allowed when some resource it covers would be, and the answer lists the patterns that allow it.",
            DefaultValueFactory = _ => "literal",
        };
        resourceMatch.AcceptOnlyFromAmong("literal", "any");
        var command = new Command("simulate", "Evaluate request scenarios against their policies exactly as AWS would, offline.")
        {
            file, output, mode, discover, resourceMatch,
        };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            OutputFormatOption.Parse(parse.GetValue(output)),
            new SimulationOptions
            {
                Mode = parse.GetValue(mode) == "policy-simulator" ? EvaluationMode.PolicySimulator : EvaluationMode.LiveAws,
                Discover = parse.GetValue(discover),
                ResourceMatch = parse.GetValue(resourceMatch) == "any" ? ResourceMatch.Any : ResourceMatch.Literal,
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, OutputFormat format, SimulationOptions options, TextWriter output, TextWriter error)
    {
        IDisposable? mapping = null;
        ReadOnlyMemory<byte> input;
        try
        {
            if (path == "-")
            {
                input = ReadStandardInput();
            }
            else if (MappedFile.TryOpen(path) is { } mapped)
            {
                mapping = mapped;
                input = mapped.Memory;
            }
            else
            {
                input = File.ReadAllBytes(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {path}: {ex.Message}");
            return CrossgateCli.UsageError;
        }

        SimulationSummary summary;
        using (mapping)
        {
            var simulationFormat = format == OutputFormat.Json ? SimulationFormat.Json : SimulationFormat.Text;

            // Straight to the process's standard output when that is where we write; through the writer otherwise.
            if (ReferenceEquals(output, Console.Out))
            {
                output.Flush();
                using var stdout = Console.OpenStandardOutput();
                summary = SimulationRunner.Run(input, stdout, simulationFormat, options: options);
            }
            else
            {
                using var buffer = new MemoryStream();
                summary = SimulationRunner.Run(input, buffer, simulationFormat, options: options);
                output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                output.Flush();
            }
        }

        if (summary.AnyInvalid)
        {
            error.WriteLine("One or more scenarios are invalid; see the error entries in the output.");
            return 1;
        }

        return 0;
    }

    private static byte[] ReadStandardInput()
    {
        using var stdin = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        stdin.CopyTo(buffer);
        return buffer.ToArray();
    }
}
