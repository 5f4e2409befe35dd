using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate policy …</c>: work on IAM policy documents.</summary>
internal static class PolicyCommand
{
    public static Command Build()
    {
        var command = new Command("policy", "Validate IAM policies and explore AWS actions.");
        command.Subcommands.Add(PolicyValidateCommand.Build());
        command.Subcommands.Add(PolicyExpandCommand.Build());
        command.Subcommands.Add(PolicyTightenCommand.Build());
        return command;
    }
}
