using System.Diagnostics;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary><c>source &lt;(crossgate completion bash)</c> completes commands and options by asking crossgate itself.</summary>
public sealed class CompletionTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("crossgate-completion-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("crossgate pol", "policy")]
    [InlineData("crossgate policy validate --o", "--output\n--owner-account")]
    [InlineData("crossgate accounts che", "check")]
    public async Task Bash_completes_from_crossgate_itself(string line, string expected)
    {
        var (exit, script, _) = CliRunner.Run("completion", "bash");
        Assert.Equal(0, exit);
        var scriptFile = Path.Combine(_folder, "crossgate.bash");
        File.WriteAllText(scriptFile, script);
        var program = Path.Combine(_folder, "crossgate");
        File.WriteAllText(program, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "crossgate.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var words = line.Split(' ');
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($$"""
            source '{{scriptFile}}'
            COMP_LINE='{{line}}'; COMP_POINT={{line.Length}}
            COMP_WORDS=('{{program}}' {{string.Join(' ', words.Skip(1).Select(w => $"'{w}'"))}}); COMP_CWORD={{words.Length - 1}}
            _crossgate_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """);
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        var error = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.True(bash.ExitCode == 0, error);
        Assert.Equal(expected, output.Trim());
    }
}
