using System.Diagnostics;
using Xunit.Abstractions;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>Runs <c>tests/e2e/awscli-cross-account.sh</c>: the real AWS CLI v2 against <c>crossgate serve</c>.</summary>
public sealed class AwsCliCrossAccountScriptTests(ITestOutputHelper output)
{
    private const int ScriptCannotRun = 77;

    [AwsCliScriptFact]
    public async Task The_cross_account_walk_passes_with_the_real_AWS_CLI()
    {
        var script = Path.Combine(RepositoryRoot(), "tests", "e2e", "awscli-cross-account.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var transcript = await stdout + await stderr;
        output.WriteLine(transcript);
        Assert.True(process.ExitCode != ScriptCannotRun, "The AWS CLI could not be installed:\n" + transcript);
        Assert.True(process.ExitCode == 0, transcript);
        Assert.Contains("PASSED", transcript);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tests", "e2e", "awscli-cross-account.sh")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("tests/e2e/awscli-cross-account.sh not found above " + AppContext.BaseDirectory);
    }
}
