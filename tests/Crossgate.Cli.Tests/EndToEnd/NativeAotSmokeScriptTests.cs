using System.Diagnostics;
using Crossgate.Server.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary>Runs <c>tests/e2e/native-aot-smoke.sh</c>: publishes <c>crossgate</c> as a Native AOT executable (with no
/// trim or AOT warning) and drives the native binary, including the real AWS CLI against its <c>serve</c>.</summary>
public sealed class NativeAotSmokeScriptTests(ITestOutputHelper output)
{
    private const string Script = "native-aot-smoke.sh";
    private const int ScriptCannotRun = 77;

    [AwsCliScriptFact]
    public async Task The_native_binary_passes_the_smoke_walk()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "tests", "e2e", Script));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20)); // the AOT publish takes minutes
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
            if (File.Exists(Path.Combine(folder.FullName, "tests", "e2e", Script)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"tests/e2e/{Script} not found above " + AppContext.BaseDirectory);
    }
}
