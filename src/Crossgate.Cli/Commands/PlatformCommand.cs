using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate platform …</c>: the platform as a service (console and REST API) and its API tokens.</summary>
internal static class PlatformCommand
{
    public static Command Build()
    {
        var command = new Command("platform", "Serve the platform's web console and REST API, and manage its API tokens.");
        command.Subcommands.Add(PlatformServeCommand.Build());
        command.Subcommands.Add(PlatformTokenCommand.Build());
        return command;
    }
}
