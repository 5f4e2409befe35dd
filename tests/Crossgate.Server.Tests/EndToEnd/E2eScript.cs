using System.Diagnostics;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>Runs one of the scripts in <c>tests/e2e/</c> and checks it passed: exit 0 and a <c>PASSED</c> line.
/// Exit 77 means the script could not install what it needs (the AWS CLI), which is a failure too.</summary>
public static class E2eScript
{
    private const int ScriptCannotRun = 77;

    public static async Task<string> RunAndAssertPassedAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(script), "tests", "e2e", script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var transcript = await stdout + await stderr;
        Assert.True(process.ExitCode != ScriptCannotRun, "The AWS CLI could not be installed:\n" + transcript);
        Assert.True(process.ExitCode == 0, transcript);
        Assert.Contains("PASSED", transcript);
        return transcript;
    }

    private static string RepositoryRoot(string script)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "tests", "e2e", script)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"tests/e2e/{script} not found above " + AppContext.BaseDirectory);
    }
}
