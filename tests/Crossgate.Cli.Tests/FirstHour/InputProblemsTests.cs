using System.Text.Json;

namespace Crossgate.Cli.Tests.FirstHour;

/// <summary>Inputs that are not what a command needs are named as what they are: JSON that does not parse (AWS's
/// message, then where), a folder given as a file, an unknown account, a principal that is not an ARN.</summary>
public sealed class InputProblemsTests : IDisposable
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("crossgate-inputs-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Json_that_does_not_parse_gets_AWSs_message_then_line_and_column()
    {
        var file = Write("broken.json", "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",}\n  ]\n}\n");

        var (exit, output, _) = CliRunner.Run("policy", "validate", file);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var message = Array.IndexOf(lines, "Syntax errors in policy.");
        Assert.True(message > 0, output);
        Assert.StartsWith("line 4, column 24: ", lines[message + 1]);
    }

    [Fact]
    public void The_json_report_carries_the_line_and_column()
    {
        var file = Write("broken.json", "{\"Version\": \"2012-10-17\" \"Statement\": []}");

        var (exit, output, _) = CliRunner.Run("policy", "validate", file, "--output", "json");

        Assert.Equal(1, exit);
        var error = JsonDocument.Parse(output).RootElement.GetProperty("errors")[0];
        Assert.Equal("MalformedPolicyDocument", error.GetProperty("code").GetString());
        Assert.Equal("Syntax errors in policy.", error.GetProperty("message").GetString());
        Assert.Equal(1, error.GetProperty("line").GetInt32());
        Assert.Equal(26, error.GetProperty("column").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("detail").GetString()));
    }

    [Fact]
    public void Well_formed_json_that_is_not_a_valid_policy_has_no_location()
    {
        var file = Write("wrong.json", "{\"Version\": \"2012-10-17\", \"Statement\": 7}");

        var (_, output, _) = CliRunner.Run("policy", "validate", file, "--output", "json");

        Assert.False(JsonDocument.Parse(output).RootElement.GetProperty("errors")[0].TryGetProperty("line", out _));
    }

    [Theory]
    [InlineData("policy validate")]
    [InlineData("policy tighten --kms-grants-only")]
    [InlineData("simulate")]
    [InlineData("import")]
    public void A_directory_given_as_a_file_is_named_as_a_directory(string command)
    {
        var (exit, _, error) = CliRunner.Run([.. command.Split(' '), _folder]);

        Assert.Equal(2, exit);
        Assert.Equal($"{_folder} is a directory, not a file.", error.Trim());
    }

    [Fact]
    public void A_directory_given_as_the_template_policy_is_named_as_a_directory()
    {
        var (exit, _, error) = CliRunner.Run("template", "role", "--trusted-account", "111111111111", "--policy", _folder);

        Assert.Equal(2, exit);
        Assert.Contains("is a directory, not a file", error);
    }

    [Fact]
    public void Exporting_an_unknown_account_is_an_error_not_an_empty_document()
    {
        Assert.Equal(0, CliRunner.Run("init", "--example", "--data", _folder).ExitCode);

        var (exit, output, error) = CliRunner.Run("export", "--account", "999999999999", "--data", _folder);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("Account 999999999999 is not in", error);
        Assert.Equal(0, CliRunner.Run("export", "--account", "444444444444", "--data", _folder).ExitCode);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::1111:user/bob")]
    public void Trail_principal_must_be_a_principal_arn(string principal)
    {
        Assert.Equal(0, CliRunner.Run("init", "--data", _folder).ExitCode);

        var (exit, _, error) = CliRunner.Run("trail", "--data", _folder, "--principal", principal);

        Assert.Equal(2, exit);
        Assert.Contains($"--principal must be a principal ARN", error);
        Assert.Contains($"not '{principal}'", error);
    }

    [Theory]
    [InlineData("arn:aws:iam::111111111111:user/bob")]
    [InlineData("arn:aws:iam::111111111111:root")]
    [InlineData("arn:aws:sts::222222222222:assumed-role/CrossAccount-B/bob")]
    public void Trail_takes_principal_arns(string principal)
    {
        Assert.Equal(0, CliRunner.Run("init", "--data", _folder).ExitCode);

        Assert.Equal(0, CliRunner.Run("trail", "--data", _folder, "--principal", principal).ExitCode);
    }
}
