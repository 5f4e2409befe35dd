using System.CommandLine;
using Crossgate.Cli.Input;
using Crossgate.Cli.Output;
using Crossgate.Directory.Import;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate import FILE...</c>: reads real <c>aws iam get-account-authorization-details</c> output (one
/// file per account) and optional Organizations outputs into the store, and reports what it read and every problem
/// by file and JSON path. Exit 1 when anything could not be read.</summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var files = new Argument<string[]>("FILE") { Description = "Exports to read.", Arity = ArgumentArity.OneOrMore };
        var store = new StoreOptions();
        var output = OutputFormatOption.Create();
        var command = new Command("import", "Import AWS account authorization details and Organizations outputs into the store.") { files, output };
        store.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var paths = parse.GetValue(files)!;
            var error = parse.InvocationConfiguration.Error;
            var writer = parse.InvocationConfiguration.Output;
            if (paths.Select(InputFile.Problem).FirstOrDefault(p => p is not null) is { } problem)
            {
                await error.WriteLineAsync(problem);
                return CrossgateCli.UsageError;
            }

            await using var directory = await store.OpenExistingAsync(parse, cancellation);
            if (directory is null)
            {
                return CrossgateCli.UsageError;
            }

            var report = await new AuthorizationDetailsImporter(directory).ImportFilesAsync(paths, cancellation);
            if (OutputFormatOption.Parse(parse.GetValue(output)) == OutputFormat.Json)
            {
                CliOutput.WriteJson(writer, new ImportSummary(
                    report.Files,
                    report.Accounts,
                    report.Counts,
                    [.. report.Problems.Select(p => p.ToString())],
                    report.HasErrors),
                    CliOutput.Json.ImportSummary);
            }
            else
            {
                await writer.WriteLineAsync(report.ToString());
                await writer.FlushAsync(cancellation);
            }

            return report.HasErrors ? 1 : 0;
        });
        return command;
    }

    internal sealed record ImportSummary(
        IReadOnlyList<string> Files, IReadOnlyList<string> Accounts, IReadOnlyDictionary<string, int> Counts, string[] Problems, bool HasErrors);
}
