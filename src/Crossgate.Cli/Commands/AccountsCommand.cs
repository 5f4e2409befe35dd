using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate accounts …</c>: the platform's registry of target accounts, their proof and their check.</summary>
internal static class AccountsCommand
{
    public static Command Build()
    {
        var command = new Command("accounts", "Register target accounts' roles, prove them assumable and check their permissions.");
        command.Subcommands.Add(AccountsAddCommand.Build());
        command.Subcommands.Add(AccountsListCommand.Build());
        command.Subcommands.Add(AccountsShowCommand.Build());
        command.Subcommands.Add(AccountsRemoveCommand.Build());
        command.Subcommands.Add(AccountsPolicyCommand.Build());
        command.Subcommands.Add(AccountsDiscoverCommand.Build());
        command.Subcommands.Add(AccountsCheckCommand.Build());
        command.Subcommands.Add(AccountsLinkCommand.Build());
        return command;
    }
}
