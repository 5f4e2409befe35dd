using System.Collections.Immutable;
using System.CommandLine;
using Crossgate.Cli.Output;
using Crossgate.Policies.Catalog;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate policy expand PATTERN</c>: the actions an Action-element pattern such as
/// <c>ec2:Describe*</c> covers today. Exit 1 when it covers none.</summary>
internal static class PolicyExpandCommand
{
    public static Command Build()
    {
        var pattern = new Argument<string>("PATTERN") { Description = "An action pattern, e.g. ec2:Describe* or s3:*Object." };
        var output = OutputFormatOption.Create();
        var command = new Command("expand", "List the AWS actions an action pattern matches (case-insensitive, * and ?).") { pattern, output };
        command.SetAction(parse => Run(
            parse.GetValue(pattern)!,
            OutputFormatOption.Parse(parse.GetValue(output)),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string pattern, OutputFormat format, TextWriter output, TextWriter error)
    {
        var catalog = ActionCatalog.Default;
        var actions = catalog.Expand(pattern);
        if (format == OutputFormat.Json)
        {
            CliOutput.WriteJson(output, new ExpansionReport(
                pattern,
                actions.Length,
                $"{catalog.PackageName}@{catalog.PackageVersion}",
                [.. actions.Select(a => new ActionEntry(
                    a.FullName,
                    a.AccessLevel.ToString(),
                    [.. a.ResourceTypes.Select(r => new ResourceEntry(r.Type.Name, r.Type.ArnPattern, r.Required))]))]),
                CliOutput.Json.ExpansionReport);
        }
        else
        {
            foreach (var action in actions)
            {
                output.WriteLine(action.FullName);
            }

            output.Flush();
        }

        if (actions.IsEmpty)
        {
            error.WriteLine($"The pattern {pattern} matches no action.");
            return 1;
        }

        return 0;
    }

    internal sealed record ExpansionReport(string Pattern, int Count, string Catalog, ImmutableArray<ActionEntry> Actions);

    internal sealed record ActionEntry(string Action, string AccessLevel, ImmutableArray<ResourceEntry> ResourceTypes);

    internal sealed record ResourceEntry(string Name, string ArnPattern, bool Required);
}
