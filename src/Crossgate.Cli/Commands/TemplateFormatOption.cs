using System.CommandLine;
using Crossgate.Platform.Templates;

namespace Crossgate.Cli.Commands;

/// <summary><c>--format yaml|json</c>: the syntax of a generated CloudFormation template.</summary>
internal static class TemplateFormatOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = "Template syntax: yaml or json.",
            DefaultValueFactory = _ => "yaml",
        };
        option.AcceptOnlyFromAmong("yaml", "json");
        return option;
    }

    public static TemplateFormat Parse(string? value) =>
        string.Equals(value, "json", StringComparison.OrdinalIgnoreCase) ? TemplateFormat.Json : TemplateFormat.Yaml;
}
