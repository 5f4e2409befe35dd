using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crossgate.Authorization;
using Crossgate.Authorization.Simulation;
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
        byte[] input;
        try
        {
            input = path == "-" ? ReadStandardInput() : File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Cannot read {path}: {ex.Message}");
            return CrossgateCli.UsageError;
        }

        var outcome = SimulationRunner.Run(input);
        if (format == OutputFormat.Json)
        {
            WriteJson(outcome, output);
        }
        else
        {
            WriteText(outcome, output);
        }

        if (outcome.AnyInvalid)
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

    private static void WriteJson(SimulationOutcome outcome, TextWriter output)
    {
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        // Straight to the process's standard output when that is where we write; through the writer otherwise.
        if (ReferenceEquals(output, Console.Out))
        {
            output.Flush();
            using var stdout = Console.OpenStandardOutput();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            using (var writer = new Utf8JsonWriter(buffered, options))
            {
                outcome.WriteJson(writer);
            }

            buffered.WriteByte((byte)'\n');
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            outcome.WriteJson(writer);
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
        output.Flush();
    }

    private static void WriteText(SimulationOutcome outcome, TextWriter output)
    {
        if (outcome.FatalError is { } fatal)
        {
            output.WriteLine($"error: {fatal}");
            output.Flush();
            return;
        }

        for (var i = 0; i < outcome.Answers.Length; i++)
        {
            var label = outcome.IsArray ? $"[{i}] " : string.Empty;
            var answer = outcome.Answers[i];
            if (answer.Error is { } error)
            {
                output.WriteLine($"{label}error: {error}");
                continue;
            }

            var decision = answer.Decision!;
            var layer = decision.DecidingLayer is { } deciding ? $" ({deciding.ToWireName()})" : string.Empty;
            output.WriteLine($"{label}{decision.Outcome.ToWireName()}{layer}");
            if (decision.Message is not null)
            {
                output.WriteLine($"  {decision.Message}");
            }

            if (decision.Reason is not null && decision.Message?.EndsWith(decision.Reason, StringComparison.Ordinal) != true)
            {
                output.WriteLine($"  reason: {decision.Reason}");
            }

            foreach (var statement in decision.MatchedStatements)
            {
                var sid = statement.Sid is null ? string.Empty : $" ({statement.Sid})";
                output.WriteLine($"  matched: {statement.Layer.ToWireName()} {statement.PolicyName} statement {statement.StatementIndex}{sid}: {statement.Effect}");
            }

            if (!decision.MissingContextKeys.IsEmpty)
            {
                output.WriteLine($"  missing context keys: {string.Join(", ", decision.MissingContextKeys)}");
            }
        }

        output.Flush();
    }
}
