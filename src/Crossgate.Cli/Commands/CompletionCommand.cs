using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate completion bash|zsh</c>: prints a completion script for the shell. The script asks
/// <c>crossgate</c> itself (System.CommandLine's <c>[suggest]</c> directive) for the words that may follow, so it
/// never goes stale and needs nothing installed (no <c>dotnet-suggest</c>).</summary>
internal static class CompletionCommand
{
    // COMP_LINE without the program's name, and the cursor moved back by as much: what [suggest:N] expects.
    private const string Bash = """
        # crossgate completion for bash: source <(crossgate completion bash)
        _crossgate_complete() {
          local line="${COMP_LINE#*[[:space:]]}"
          local position=$(( COMP_POINT - ${#COMP_LINE} + ${#line} ))
          (( position < 0 )) && position=0
          local IFS=$'\n'
          COMPREPLY=( $(compgen -W "$("${COMP_WORDS[0]}" "[suggest:$position]" "$line" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _crossgate_complete crossgate

        """;

    private const string Zsh = """
        # crossgate completion for zsh: source <(crossgate completion zsh)
        autoload -Uz bashcompinit && bashcompinit

        """;

    public static Command Build()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh." };
        shell.AcceptOnlyFromAmong("bash", "zsh");
        var command = new Command("completion", "Print a shell-completion script: source <(crossgate completion bash).") { shell };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            output.Write(parse.GetValue(shell) == "zsh" ? Zsh + Bash : Bash);
            output.Flush();
            return 0;
        });
        return command;
    }
}
