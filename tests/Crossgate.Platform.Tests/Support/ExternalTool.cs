using System.Diagnostics;

namespace Crossgate.Platform.Tests.Support;

/// <summary>Runs a command-line tool (cfn-lint, python3) found on PATH or at a known location. Tests that need one
/// return early when it is missing on a developer machine, and fail when it is missing in CI (CI=true).</summary>
internal static class ExternalTool
{
    /// <summary>The folder holding Crossgate.sln, above the test's binaries.</summary>
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

    public static string? Find(string name, params string[] knownLocations)
    {
        foreach (var location in knownLocations)
        {
            if (File.Exists(location))
            {
                return location;
            }
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The tool's path; null when it is absent and the test may be skipped. Fails in CI.</summary>
    public static string? Require(string name, params string[] knownLocations)
    {
        var path = Find(name, knownLocations);
        if (path is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"{name} is required in CI but was not found.");
        }

        return path;
    }

    public static (int ExitCode, string Output, string Error) Run(string path, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{path} did not finish within 3 minutes.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
