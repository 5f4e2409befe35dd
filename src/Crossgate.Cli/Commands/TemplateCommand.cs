using System.CommandLine;

namespace Crossgate.Cli.Commands;

/// <summary><c>crossgate template …</c>: the IAM pieces a cross-account platform asks each account to deploy.</summary>
internal static class TemplateCommand
{
    public static Command Build()
    {
        var command = new Command("template", "Write the target-side role template and the platform's caller policy.");
        command.Subcommands.Add(TemplateRoleCommand.Build());
        command.Subcommands.Add(TemplateCallerCommand.Build());
        return command;
    }
}
