using System.Text.Json;

namespace Crossgate.Cli.Tests.Store;

/// <summary><c>crossgate init --example</c>, <c>export</c> and <c>import</c> against a temporary SQLite store:
/// the example exports in AWS's shape and re-imports into a fresh store unchanged.</summary>
public class InitImportExportTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"crossgate-cli-{Guid.NewGuid():N}");

    [Fact]
    public void The_example_exports_as_authorization_details_and_round_trips()
    {
        var first = TempDir();
        var (initExit, initOut, initErr) = CliRunner.Run("init", "--example", "--data", first);
        Assert.True(initExit == 0, initOut + initErr);
        Assert.Contains("o-", initOut);

        var (exportExit, exported, exportErr) = CliRunner.Run("export", "--account", "222222222222", "--data", first);
        Assert.True(exportExit == 0, exportErr);
        using (var json = JsonDocument.Parse(exported))
        {
            var roles = json.RootElement.GetProperty("RoleDetailList").EnumerateArray().Select(r => r.GetProperty("RoleName").GetString()).ToList();
            Assert.Contains("CrossAccount-B", roles);
            Assert.Contains("PlatformResponseRole", roles);
        }

        var file = Path.Combine(first, "b.json");
        File.WriteAllText(file, exported);
        var second = TempDir();
        Assert.Equal(0, CliRunner.Run("init", "--data", second).ExitCode);
        var (importExit, importOut, importErr) = CliRunner.Run("import", file, "--data", second, "--output", "json");
        Assert.True(importExit == 0, importOut + importErr);

        var (_, reexported, _) = CliRunner.Run("export", "--account", "222222222222", "--data", second);
        Assert.Equal(exported, reexported);
    }

    [Fact]
    public void Importing_a_missing_file_is_bad_usage()
    {
        Assert.Equal(2, CliRunner.Run("import", "/nonexistent/details.json", "--data", TempDir()).ExitCode);
    }

    [Fact]
    public void Importing_garbage_names_the_file_and_exits_1()
    {
        var dir = TempDir();
        System.IO.Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "broken.json");
        File.WriteAllText(file, "{\"UserDetailList\": 7}");
        Assert.Equal(0, CliRunner.Run("init", "--data", dir).ExitCode);

        var (exit, output, _) = CliRunner.Run("import", file, "--data", dir);

        Assert.Equal(1, exit);
        Assert.Contains("broken.json", output);
    }

    [Fact]
    public void The_json_import_report_keeps_its_shape()
    {
        var dir = TempDir();
        System.IO.Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "broken.json");
        File.WriteAllText(file, "{\"UserDetailList\": 7, \"Note\": \"<&>\"}");
        Assert.Equal(0, CliRunner.Run("init", "--data", dir).ExitCode);

        var (exit, output, _) = CliRunner.Run("import", file, "--data", dir, "--output", "json");

        Assert.Equal(1, exit);
        Assert.Equal(
            """
            {
              "files": [
                "FILE: iam get-account-authorization-details (account unknown)"
              ],
              "accounts": [],
              "counts": {},
              "problems": [
                "error: FILE $: cannot tell the account: no user, group, role or customer managed policy ARN names one; file skipped"
              ],
              "hasErrors": true
            }

            """,
            output.Replace(file, "FILE", StringComparison.Ordinal).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Export_needs_a_12_digit_account()
    {
        Assert.Equal(2, CliRunner.Run("export", "--account", "12", "--data", TempDir()).ExitCode);
    }
}
