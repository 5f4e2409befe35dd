using System.CommandLine;
using Crossgate.Cli.Input;
using Crossgate.Cli.Output;
using Crossgate.Platform.Templates;
using Crossgate.Platform.Tightening;
using Crossgate.Policies;
using Crossgate.Policies.Linting;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate policy tighten FILE --tag-condition ACTION=KEY:VALUE [--kms-grants-only]</c>: rewrites a
/// permission policy so that matching actions apply only to tagged resources, and KMS key use becomes
/// <c>kms:CreateGrant</c> for AWS resources. Writes the new policy (text) or it with notes (json). Exit 0 when the
/// result parses and lints without errors, 1 when the input is invalid or a change contradicts a condition, 2 on
/// bad usage.</summary>
internal static class PolicyTightenCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The identity policy JSON file." };
        var tags = new Option<string[]>("--tag-condition")
        {
            Description = "ACTION_PATTERN=TAGKEY:VALUE: the matching actions apply only to resources with that tag (repeatable).",
            DefaultValueFactory = _ => [],
        };
        var kms = new Option<bool>("--kms-grants-only")
        {
            Description = "Replace KMS key use (Decrypt, Encrypt, ReEncrypt*, GenerateDataKey*, ...) with kms:CreateGrant for AWS resources only.",
        };
        var output = OutputFormatOption.Create();
        var command = new Command("tighten", "Scope actions to tagged resources and KMS use to grants for AWS resources.") { file, tags, kms, output };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            parse.GetValue(tags) ?? [],
            parse.GetValue(kms),
            OutputFormatOption.Parse(parse.GetValue(output)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo file, string[] tagTexts, bool kmsGrantsOnly, OutputFormat format, TextWriter output, TextWriter error)
    {
        var conditions = new List<TagCondition>();
        foreach (var text in tagTexts)
        {
            if (!TagCondition.TryParse(text, out var condition, out var message))
            {
                error.WriteLine(message);
                return CrossgateCli.UsageError;
            }

            conditions.Add(condition!);
        }

        if (conditions.Count == 0 && !kmsGrantsOnly)
        {
            error.WriteLine("Nothing to do: give at least one --tag-condition or --kms-grants-only.");
            return CrossgateCli.UsageError;
        }

        if (InputFile.Problem(file.ToString()) is { } fileProblem)
        {
            error.WriteLine(fileProblem);
            return CrossgateCli.UsageError;
        }

        var parsed = PolicyParser.Parse(File.ReadAllText(file.FullName), PolicyKind.Identity);
        if (!parsed.Success)
        {
            error.WriteLine($"{file} is not a valid identity policy:");
            foreach (var e in parsed.Errors)
            {
                error.WriteLine($"  {e.Code} at {e.Path}: {e.Message}");
            }

            return 1;
        }

        var result = PolicyTightener.Default.Tighten(parsed.Document, new TighteningOptions { TagConditions = conditions, KmsGrantsOnly = kmsGrantsOnly });
        if (format == OutputFormat.Json)
        {
            CliOutput.WriteJson(output, new TightenReport(
                result.Success,
                result.Json,
                [.. result.Notes.Select(n => n.ToString())],
                [.. result.Conflicts.Select(n => n.ToString())],
                [.. result.ParseErrors.Select(e => e.ToString())],
                [.. result.Findings.Select(f => f.ToString())]),
                CliOutput.Json.TightenReport);
        }
        else
        {
            if (result.Json is not null)
            {
                output.Write(TemplateText.Render(result.Json, TemplateFormat.Json));
            }

            foreach (var note in result.Notes)
            {
                error.WriteLine("note: " + note);
            }

            foreach (var conflict in result.Conflicts)
            {
                error.WriteLine("conflict: " + conflict);
            }

            foreach (var problem in result.ParseErrors.Select(e => e.ToString()).Concat(result.Findings.Where(f => f.Severity == FindingSeverity.Error).Select(f => f.ToString())))
            {
                error.WriteLine("error: " + problem);
            }
        }

        output.Flush();
        return result.Success ? 0 : 1;
    }

    internal sealed record TightenReport(bool Valid, System.Text.Json.Nodes.JsonObject? Policy, string[] Notes, string[] Conflicts, string[] Errors, string[] Findings);
}
