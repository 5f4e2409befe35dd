using System.Diagnostics;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary><c>./install.sh</c>'s command line and where it builds. The install itself (Native AOT publish, link on
/// PATH, the binary run from there) is exercised by <c>tests/e2e/native-aot-smoke.sh</c>.</summary>
public sealed class InstallScriptTests
{
    private static (int ExitCode, string Output, string Error) Install(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(CliRunner.RepositoryRoot(), "install.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)));
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void An_unknown_argument_is_exit_2_with_the_usage()
    {
        var (exit, output, error) = Install("--prefx", "/tmp/nowhere");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Equal("install.sh: unknown argument '--prefx' (usage: ./install.sh [--prefix DIR])", error.Trim());
    }

    [Fact]
    public void Help_says_how_to_use_it()
    {
        var (exit, output, _) = Install("--help");

        Assert.Equal(0, exit);
        Assert.Contains("Usage: ./install.sh [--prefix DIR]", output);
    }

    [Fact]
    public void Its_build_folder_is_ignored_by_git()
    {
        var ignored = File.ReadAllLines(Path.Combine(CliRunner.RepositoryRoot(), ".gitignore")).Select(l => l.Trim());

        Assert.Contains("out/", ignored);
        Assert.Contains("bin/", ignored);
        Assert.Contains("obj/", ignored);
    }
}
