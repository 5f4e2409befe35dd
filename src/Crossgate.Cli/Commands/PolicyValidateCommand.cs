using System.Collections.Immutable;
using System.CommandLine;
using Crossgate.Cli.Output;
using Crossgate.Policies;
using Crossgate.Policies.Catalog;
using Crossgate.Policies.Linting;
using Spectre.Console;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate policy validate FILE</c>: parses a policy as AWS would (grammar errors refuse it) and then
/// lints it (Access Analyzer-style findings). Exit 0 when valid, warnings allowed; 1 on any error.</summary>
internal static class PolicyValidateCommand
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The policy JSON file." };
        var kind = PolicyKindOption.Create();
        var output = OutputFormatOption.Create();
        var owner = new Option<string?>("--owner-account")
        {
            Description = "12-digit account that owns the policy (e.g. the role's account), so that trusting it is not reported as trusting a foreign account.",
        };
        owner.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && (value.Length != 12 || !value.All(char.IsAsciiDigit)))
            {
                result.AddError($"--owner-account must be a 12-digit account id, not '{value}'.");
            }
        });

        var command = new Command("validate", "Validate an IAM policy document as AWS would, then lint it.") { file, kind, output, owner };
        command.SetAction(parse => Run(
            parse.GetValue(file)!,
            PolicyKindOption.Canonical(parse.GetValue(kind)!),
            OutputFormatOption.Parse(parse.GetValue(output)),
            parse.GetValue(owner),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(FileInfo file, string kind, OutputFormat format, string? ownerAccount, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine($"File not found: {file.FullName}");
            return CrossgateCli.UsageError;
        }

        var parsed = PolicyParser.Parse(File.ReadAllText(file.FullName), PolicyKindOption.Parse(kind));
        var findings = parsed.Success
            ? new PolicyLinter(ActionCatalog.Default, new LintOptions { OwnerAccountId = ownerAccount }).Lint(parsed.Document)
            : ImmutableArray<PolicyFinding>.Empty;
        var valid = parsed.Success && findings.All(f => f.Severity != FindingSeverity.Error);

        if (format == OutputFormat.Json)
        {
            CliOutput.WriteJson(output, new ValidationReport(
                file.ToString(),
                kind,
                valid,
                [.. parsed.Errors.Select(e => new ErrorEntry(e.Code, e.Message, e.Path))],
                [.. findings.Select(f => new FindingEntry(SeverityName(f.Severity), f.Code, f.Message, f.Path))]),
                CliOutput.Json.ValidationReport);
        }
        else
        {
            WriteText(CliOutput.Console(output), file.ToString(), kind, valid, parsed.Errors, findings);
        }

        return valid ? 0 : 1;
    }

    private static void WriteText(IAnsiConsole console, string file, string kind, bool valid,
        ImmutableArray<PolicyError> errors, ImmutableArray<PolicyFinding> findings)
    {
        var verdict = valid ? "[green]valid[/]" : "[red]invalid[/]";
        console.MarkupLine($"{Markup.Escape(file)} ({kind} policy): {verdict}");

        foreach (var e in errors)
        {
            console.MarkupLine($"  [red]{Markup.Escape(e.Code)}[/] at {Markup.Escape(e.Path)}");
            console.MarkupLine($"      {Markup.Escape(e.Message)}");
        }

        foreach (var f in findings)
        {
            var colour = f.Severity switch
            {
                FindingSeverity.Error => "red",
                FindingSeverity.SecurityWarning => "darkorange",
                FindingSeverity.Warning => "yellow",
                _ => "blue",
            };
            console.MarkupLine($"  [{colour}]{SeverityName(f.Severity)}[/] {Markup.Escape(f.Code)} at {Markup.Escape(f.Path)}");
            console.MarkupLine($"      {Markup.Escape(f.Message)}");
        }

        if (errors.IsEmpty)
        {
            console.MarkupLine(
                $"{Count(findings, FindingSeverity.Error, "error")}, {Count(findings, FindingSeverity.SecurityWarning, "security warning")}, " +
                $"{Count(findings, FindingSeverity.Warning, "warning")}, {Count(findings, FindingSeverity.Suggestion, "suggestion")}.");
        }
    }

    private static string Count(ImmutableArray<PolicyFinding> findings, FindingSeverity severity, string noun)
    {
        var n = findings.Count(f => f.Severity == severity);
        return $"{n} {noun}{(n == 1 ? string.Empty : "s")}";
    }

    /// <summary>Access Analyzer's findingType spelling.</summary>
    private static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "ERROR",
        FindingSeverity.SecurityWarning => "SECURITY_WARNING",
        FindingSeverity.Warning => "WARNING",
        _ => "SUGGESTION",
    };

    internal sealed record ValidationReport(string File, string Kind, bool Valid, ImmutableArray<ErrorEntry> Errors, ImmutableArray<FindingEntry> Findings);

    internal sealed record ErrorEntry(string Code, string Message, string Path);

    internal sealed record FindingEntry(string Severity, string Code, string Message, string Path);
}
