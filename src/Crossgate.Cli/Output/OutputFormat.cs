using System.CommandLine;

namespace Crossgate.Cli.Output;

public enum OutputFormat
{
    Text,
    Json,
}

/// <summary><c>--output json|text</c>, shared by every command.</summary>
internal static class OutputFormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "Output format: text (for people) or json (for scripts).",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static OutputFormat Parse(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? OutputFormat.Json : OutputFormat.Text;
}
