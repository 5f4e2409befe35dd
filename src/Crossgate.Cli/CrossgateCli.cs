using System.CommandLine;
using Crossgate.Cli.Commands;

namespace Crossgate.Cli;

/// <summary>The <c>crossgate</c> command line, runnable in-process (tests pass their own writers).</summary>
public static class CrossgateCli
{
    /// <summary>Exit code for a command line that could not be understood or names a missing input.</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a failure of Crossgate itself (a bug), kept apart from "the policy is invalid".</summary>
    public const int InternalError = 70;

    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("Crossgate: an offline, AWS-faithful model of IAM policies and cross-account role assumption.");
        root.Subcommands.Add(PolicyCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(InitCommand.Build());
        root.Subcommands.Add(ImportCommand.Build());
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(TemplateCommand.Build());
        root.Subcommands.Add(ServeCommand.Build());
        root.Subcommands.Add(AdminCommand.Build());
        root.Subcommands.Add(TrailCommand.Build());
        root.Subcommands.Add(AccountsCommand.Build());
        root.Subcommands.Add(AccessCommand.Build());
        return root;
    }

    /// <summary>Parses and runs a command line. Returns 0 on success, 1 when the command's answer is negative
    /// (e.g. an invalid policy), 2 on bad usage, 70 when Crossgate itself fails.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = BuildRootCommand().Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine("Run 'crossgate --help' for usage.");
            return UsageError;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            error.WriteLine($"crossgate: internal error: {exception.GetType().Name}: {exception.Message}");
            return InternalError;
        }
    }
}
