using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate access …</c>: the cross-account access graph of the store — who can reach what, through
/// which chain, under which conditions, and what is wrong with it.</summary>
internal static class AccessCommand
{
    public static Command Build()
    {
        var command = new Command("access", "Who can reach what: the cross-account access graph, attack paths and findings.");
        command.Subcommands.Add(AccessReachCommand.Build());
        command.Subcommands.Add(AccessWhoCanCommand.Build());
        command.Subcommands.Add(AccessPathCommand.Build());
        command.Subcommands.Add(AccessFindingsCommand.Build());
        return command;
    }
}
