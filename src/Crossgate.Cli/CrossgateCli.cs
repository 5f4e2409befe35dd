using System.CommandLine;
using Crossgate.Cli.Commands;
using Crossgate.Cli.Parsing;

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
        root.Subcommands.Add(PlatformCommand.Build());
        root.Subcommands.Add(AccessCommand.Build());
        root.Subcommands.Add(CompletionCommand.Build());
        return root;
    }

    /// <summary>Parses and runs a command line. Returns 0 on success, 1 when the command's answer is negative
    /// (e.g. an invalid policy), 2 on bad usage, 70 when Crossgate itself fails.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRootCommand();
        var parseResult = root.Parse(args);
        if (root.Directives.OfType<System.CommandLine.Completions.SuggestDirective>().Any(d => parseResult.GetResult(d) is not null))
        {
            // [suggest:N] "LINE": the shell-completion script asks for the words that can follow.
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
        }

        var problems = UsageErrors.Describe(parseResult);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine($"Run '{UsageErrors.CommandPath(parseResult.CommandResult)} --help' for usage.");
            return UsageError;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (StoreUnavailable(exception) is { } store)
        {
            // A store that cannot be reached is the operator's to fix, like a missing --data store: not our failure.
            error.WriteLine($"crossgate: cannot use the PostgreSQL store given by --postgres: {store.Message}. " +
                            "Check the connection string (host, port, username, password, database) and that the server accepts connections.");
            return UsageError;
        }
        catch (Exception exception)
        {
            error.WriteLine($"crossgate: internal error: {exception.Message}");
            return InternalError;
        }
    }

    /// <summary>The PostgreSQL failure (unreachable server, refused login, missing database) behind an exception.</summary>
    private static Npgsql.NpgsqlException? StoreUnavailable(Exception exception)
    {
        for (Exception? at = exception; at is not null; at = at.InnerException)
        {
            // Server errors count only when they are about reaching it: connection, login, database, shutdown.
            if (at is Npgsql.PostgresException server)
            {
                return server.SqlState.StartsWith("08", StringComparison.Ordinal) || server.SqlState.StartsWith("28", StringComparison.Ordinal)
                    || server.SqlState.StartsWith("3D", StringComparison.Ordinal) || server.SqlState.StartsWith("57P", StringComparison.Ordinal) ? server : null;
            }

            if (at is Npgsql.NpgsqlException npgsql)
            {
                return npgsql;
            }
        }

        return null;
    }
}
