using Crossgate.Server.Tests.EndToEnd;
using Xunit.Abstractions;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary>Runs <c>tests/e2e/readme-tour.sh</c>: every runnable block of README.md, in order, against a fresh store
/// and server with the real AWS CLI, checking each command's exit code and the output the README says it gives.</summary>
public sealed class ReadmeTourTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("crossgate-readme-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [AwsCliScriptFact]
    public async Task Every_runnable_block_of_the_README_works_as_written()
    {
        // This build's crossgate, so that the script does not build the project again while tests run.
        var crossgate = Path.Combine(_folder, "crossgate");
        File.WriteAllText(crossgate, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "crossgate.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(crossgate, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var transcript = await E2eScript.RunAndAssertPassedAsync("readme-tour.sh", TimeSpan.FromMinutes(10), crossgate);
        output.WriteLine(transcript);
        Assert.Contains("assumed-role/CrossAccount-B/bob", transcript);
    }

    [Fact]
    public void The_README_has_a_server_block_and_runnable_blocks_with_expectations()
    {
        var readme = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot(), "README.md"));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(readme, "^```sh run-background$", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.True(System.Text.RegularExpressions.Regex.Matches(readme, "^```sh run$", System.Text.RegularExpressions.RegexOptions.Multiline).Count >= 8);
        Assert.StartsWith("# Crossgate\n\n```sh\ndotnet run --project src/Crossgate.Cli -- serve\ndotnet test Crossgate.sln\n```", readme.ReplaceLineEndings("\n"));
    }
}
