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
        var command = new Command("simulate", "Evaluate request scenarios against their policies exactly as AWS would, offline.") { file, output };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            OutputFormatOption.Parse(parse.GetValue(output)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string path, OutputFormat format, TextWriter output, TextWriter error)
    {
        IDisposable? mapping = null;
        ReadOnlyMemory<byte> input;
        try
        {
            if (path == "-")
            {
                input = ReadStandardInput();
            }
            else if (InputFile.Problem(path) is { } problem)
            {
                error.WriteLine(problem);
                return CrossgateCli.UsageError;
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
                summary = SimulationRunner.Run(input, stdout, simulationFormat);
            }
            else
            {
                using var buffer = new MemoryStream();
                summary = SimulationRunner.Run(input, buffer, simulationFormat);
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
