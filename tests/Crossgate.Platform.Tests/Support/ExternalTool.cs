using System.Diagnostics;

namespace Crossgate.Platform.Tests.Support;

/// <summary>Runs a command-line tool (cfn-lint, python3) found on PATH or at a known location. A test that needs one
/// installs it when it is missing (pip for Python packages, apt-get for python3) and fails when it cannot: it never
/// passes because a tool is absent.</summary>
internal static class ExternalTool
{
    /// <summary>The folder holding Crossgate.sln, above the test's binaries.</summary>
    public static string RepositoryRoot() => Crossgate.Tests.Shared.RepositoryPaths.Root;

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

    /// <summary>The tool's path, installing it when missing; fails the test when it cannot be had.</summary>
    public static string Require(string name, params string[] knownLocations)
    {
        if (Find(name, knownLocations) is { } found)
        {
            return found;
        }

        Install(name);
        return Find(name, [.. knownLocations, .. PipScriptFolders().Select(f => Path.Combine(f, name))])
            ?? throw new Xunit.Sdk.XunitException($"{name} is needed by this test and could not be installed ({InstallHint(name)}).");
    }

    /// <summary>python3 with the module importable, installing the module with pip when missing; fails otherwise.</summary>
    public static string RequirePythonModule(string module, string package)
    {
        var python = Require("python3", "/root/.pyenv/shims/python3", "/usr/bin/python3");
        if (TryRun(python, ["-c", $"import {module}"]) == 0)
        {
            return python;
        }

        TryRun(python, ["-m", "pip", "install", "--quiet", package]);
        if (TryRun(python, ["-c", $"import {module}"]) != 0)
        {
            throw new Xunit.Sdk.XunitException($"The Python module {module} is needed by this test and could not be installed (python3 -m pip install {package}).");
        }

        return python;
    }

    private static void Install(string name)
    {
        switch (name)
        {
            case "cfn-lint":
                if (Find("python3", "/root/.pyenv/shims/python3", "/usr/bin/python3") is { } python)
                {
                    TryRun(python, ["-m", "pip", "install", "--quiet", "cfn-lint"]);
                }

                break;
            case "python3":
                if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
                {
                    TryRun("/bin/sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-pip"]);
                }

                break;
        }
    }

    private static string InstallHint(string name) => name switch
    {
        "cfn-lint" => "python3 -m pip install cfn-lint",
        "python3" => "apt-get install python3",
        _ => $"install {name}",
    };

    /// <summary>Where pip puts scripts of user and system installs, which may not be on PATH.</summary>
    private static IEnumerable<string> PipScriptFolders()
    {
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "bin");
        yield return "/root/.pyenv/shims";
        yield return "/usr/local/bin";
    }

    private static int TryRun(string path, IEnumerable<string> arguments)
    {
        try
        {
            return Run(path, arguments).ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
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
