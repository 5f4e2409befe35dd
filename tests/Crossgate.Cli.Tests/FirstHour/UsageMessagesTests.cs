using System.CommandLine;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary>The command line answers like a good tool: "did you mean", no option read as a file name, no .NET type
/// names, each default said once, one <c>--output</c>.</summary>
public sealed class UsageMessagesTests
{
    [Theory]
    [InlineData(new[] { "polcy" }, "Unknown command 'polcy' for 'crossgate'. Did you mean 'policy'?")]
    [InlineData(new[] { "policy", "valdate", "x.json" }, "Unknown command 'valdate' for 'crossgate policy'. Did you mean 'validate'?")]
    [InlineData(new[] { "acounts", "list" }, "Did you mean 'accounts'?")]
    [InlineData(new[] { "trail", "--princpal", "x" }, "Unknown option '--princpal' for 'crossgate trail'. Did you mean '--principal'?")]
    [InlineData(new[] { "serve", "--prot", "1" }, "Did you mean '--port'?")]
    public void A_mistyped_command_or_option_gets_did_you_mean(string[] args, string expected)
    {
        var (exit, output, error) = CliRunner.Run(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void An_unknown_option_is_never_read_as_the_file_name()
    {
        var (exit, _, error) = CliRunner.Run("policy", "validate", "--outptu", "json", CliRunner.Example("assume-crossaccount-b.json"));

        Assert.Equal(2, exit);
        Assert.StartsWith("Unknown option '--outptu' for 'crossgate policy validate'. Did you mean '--output'?", error);
        Assert.DoesNotContain("File not found", error);
        Assert.DoesNotContain("'json'", error);
    }

    [Fact]
    public void An_unknown_option_alone_in_the_files_place_is_not_a_file_either()
    {
        var (exit, _, error) = CliRunner.Run("simulate", "--verbose");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown option '--verbose'", error);
    }

    [Theory]
    [InlineData("serve", "--port", "abc", "--port expects a whole number, not 'abc'.")]
    [InlineData("trail", "--limit", "many", "--limit expects a whole number, not 'many'.")]
    [InlineData("accounts", "discover", "--role-name", "R", "--session-duration", "long", "--session-duration expects a whole number, not 'long'.")]
    public void No_dotnet_type_name_reaches_the_user(params string[] argsAndMessage)
    {
        var (exit, _, error) = CliRunner.Run(argsAndMessage[..^1]);

        Assert.Equal(2, exit);
        Assert.Contains(argsAndMessage[^1], error);
        Assert.DoesNotContain("System.", error);
    }

    private static IEnumerable<Command> AllCommands(Command command) =>
        new[] { command }.Concat(command.Subcommands.SelectMany(AllCommands));

    [Fact]
    public void Each_default_is_said_once_in_help()
    {
        var twice = AllCommands(CrossgateCli.BuildRootCommand())
            .SelectMany(c => c.Options.Select(o => (Command: c.Name, Option: o)))
            // A flag's default (off) is not printed, so saying it in words is saying it once.
            .Where(x => x.Option.HasDefaultValue && x.Option.ValueType != typeof(bool) && (x.Option.Description ?? string.Empty).Contains("default", StringComparison.OrdinalIgnoreCase))
            .Select(x => $"{x.Command} {x.Option.Name}")
            .ToList();

        Assert.Empty(twice);
    }

    [Fact]
    public void Rendered_help_shows_a_default_once_per_option()
    {
        var (_, help, _) = CliRunner.Run("serve", "--help");

        Assert.Single(help.Split('\n'), l => l.Contains("--port", StringComparison.Ordinal));
        Assert.Equal(1, help.Split("[default: 8770]").Length - 1);
        Assert.Contains("--list-operations", help);
    }

    [Fact]
    public void Every_output_option_takes_text_table_and_json()
    {
        var commands = AllCommands(CrossgateCli.BuildRootCommand()).Where(c => c.Options.Any(o => o.Name == "--output")).ToList();
        Assert.True(commands.Count >= 8, string.Join(", ", commands.Select(c => c.Name)));

        foreach (var command in commands)
        {
            var option = command.Options.Single(o => o.Name == "--output");
            Assert.Equal("text", option.GetDefaultValue());
            Assert.Equal(["-o"], option.Aliases);
            foreach (var format in new[] { "text", "table", "json" })
            {
                var path = Path(command);
                var parse = CrossgateCli.BuildRootCommand().Parse([.. path, "--output", format]);
                Assert.DoesNotContain(parse.Errors, e => e.Message.Contains("--output", StringComparison.Ordinal) || e.Message.Contains(format, StringComparison.Ordinal));
            }
        }
    }

    private static string[] Path(Command command)
    {
        var names = new List<string>();
        for (var current = command; current is not null && current is not RootCommand; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, current.Name);
        }

        return [.. names];
    }
}
