using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;

namespace Crossgate.Cli.Output;

/// <summary>Writes a command's result as JSON (stable, camelCase, for scripts) or as text through Spectre.Console
/// (colour only when writing to a real terminal).</summary>
internal static class CliOutput
{
    /// <summary>The reports' contracts, with the options every JSON report is written with.</summary>
    public static CliJsonContext Json { get; } = new(new JsonSerializerOptions
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // policies are full of '<', '>' and '&'
    });

    public static void WriteJson<T>(TextWriter writer, T value, JsonTypeInfo<T> contract)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, contract));
        writer.Flush();
    }

    /// <summary>A console over the writer. Non-terminal writers (files, pipes, tests) get plain text without
    /// wrapping, so that output can be grepped.</summary>
    public static IAnsiConsole Console(TextWriter writer)
    {
        var isTerminal = ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = 100_000;
        }

        return console;
    }
}
