using System.Text.Json;

namespace Crossgate.Cli.Tests.Template;

public class TemplateRoleTests
{
    [Fact]
    public void Writes_a_yaml_template_by_default()
    {
        var (exit, output, error) = CliRunner.Run("template", "role", "--trusted-account", "111111111111");
        Assert.True(exit == 0, error);
        Assert.StartsWith("AWSTemplateFormatVersion: '2010-09-09'\n", output);
        Assert.Contains("Type: AWS::IAM::Role", output);
        Assert.Contains("Fn::Sub: 'arn:${AWS::Partition}:iam::${TrustedAccountId}:root'", output);
        Assert.Empty(error);
    }

    [Fact]
    public void Writes_json_with_the_policy_file_embedded_under_its_name()
    {
        var (exit, output, error) = CliRunner.Run("template", "role", "--trusted-account", "111111111111",
            "--trusted-role-arn", "arn:aws:iam::111111111111:role/PlatformRole", "--external-id", "platform-7f3a",
            "--role-name", "PlatformResponseRole", "--policy", CliRunner.Example("platform-permission-groups.json"),
            "--managed-policy", "arn:aws:iam::aws:policy/ReadOnlyAccess", "--max-session-duration", "7200", "--format", "json");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Resources").GetProperty("PlatformRole").GetProperty("Properties");
        Assert.Equal("platform-permission-groups", properties.GetProperty("Policies")[0].GetProperty("PolicyName").GetString());
        Assert.Equal(1, properties.GetProperty("ManagedPolicyArns").GetArrayLength());
        var parameters = json.RootElement.GetProperty("Parameters");
        Assert.Equal("platform-7f3a", parameters.GetProperty("ExternalId").GetProperty("Default").GetString());
        Assert.Equal(7200, parameters.GetProperty("MaxSessionDuration").GetProperty("Default").GetInt32());
        Assert.Equal("PlatformResponseRole", parameters.GetProperty("RoleName").GetProperty("Default").GetString());
    }

    [Fact]
    public void An_invalid_policy_exits_1_with_iams_error()
    {
        using var file = new TempFile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject"}]}""");
        var (exit, output, error) = CliRunner.Run("template", "role", "--trusted-account", "111111111111", "--policy", file.Path);
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("MalformedPolicyDocument", error);
    }

    [Theory]
    [InlineData("--trusted-account", "12345", "12-digit")]
    [InlineData("--role-name", "bad name", "role name")]
    [InlineData("--external-id", "x", "external id")]
    [InlineData("--max-session-duration", "600", "3600")]
    [InlineData("--trusted-role-arn", "arn:aws:iam::333333333333:role/PlatformRole", "not to the trusted account")]
    [InlineData("--managed-policy", "ReadOnlyAccess", "managed policy ARN")]
    [InlineData("--format", "xml", "xml")]
    public void Bad_values_exit_2_with_a_clear_message(string option, string value, string expected)
    {
        var args = new List<string> { "template", "role" };
        if (option != "--trusted-account")
        {
            args.AddRange(["--trusted-account", "111111111111"]);
        }

        args.AddRange([option, value]);
        var (exit, output, error) = CliRunner.Run([.. args]);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void The_trusted_account_is_required()
    {
        var (exit, _, error) = CliRunner.Run("template", "role");
        Assert.Equal(2, exit);
        Assert.Contains("--trusted-account", error);
    }

    [Fact]
    public void A_missing_policy_file_is_a_usage_error()
    {
        var (exit, _, error) = CliRunner.Run("template", "role", "--trusted-account", "111111111111", "--policy", "/no/such/policy.json");
        Assert.Equal(2, exit);
        Assert.Contains("not found", error);
    }
}
