using Crossgate.Cli;

namespace Crossgate.Cli.Tests;

/// <summary>Runs the CLI in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = CrossgateCli.Run(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>A file under examples/policies of the repository.</summary>
    public static string Example(string name) => Path.Combine(RepositoryRoot(), "examples", "policies", name);

    /// <summary>A file under examples/scenarios of the repository.</summary>
    public static string Scenario(string name) => Path.Combine(RepositoryRoot(), "examples", "scenarios", name);

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Crossgate.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Crossgate.sln not found above " + AppContext.BaseDirectory);
    }
}
