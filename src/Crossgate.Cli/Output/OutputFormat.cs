using System.CommandLine;

namespace Crossgate.Cli.Output;

public enum OutputFormat
{
    Text,
    Json,
}

/// <summary><c>--output text|table|json</c>, the same on every command that prints a report: <c>text</c> (the default)
/// is for people, with rows drawn as a table where a command lists rows, so <c>table</c> names the same format; <c>json</c>
/// is for scripts.</summary>
internal static class OutputFormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (for people; rows as a table, so 'table' is the same) or json (for scripts).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "table", "json");
        return option;
    }

    public static OutputFormat Parse(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
