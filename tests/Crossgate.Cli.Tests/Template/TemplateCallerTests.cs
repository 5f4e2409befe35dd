using System.Text.Json;

namespace Crossgate.Cli.Tests.Template;

public class TemplateCallerTests
{
    [Fact]
    public void Writes_the_caller_policy_for_every_account()
    {
        var (exit, output, error) = CliRunner.Run("template", "caller", "--role-name", "CrossAccountReadOnlyRole");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var statement = json.RootElement.GetProperty("Statement")[0];
        Assert.Equal("sts:AssumeRole", statement.GetProperty("Action").GetString());
        Assert.Equal("arn:aws:iam::*:role/CrossAccountReadOnlyRole", statement.GetProperty("Resource").GetString());
    }

    [Fact]
    public void The_output_validates_as_an_identity_policy()
    {
        var (_, policy, _) = CliRunner.Run("template", "caller", "--role-name", "R", "--path", "/platform/");
        using var file = new TempFile(policy);
        var (exit, output, _) = CliRunner.Run("policy", "validate", file.Path, "--output", "json");
        Assert.Equal(0, exit);
        Assert.Contains("arn:aws:iam::*:role/platform/R", policy);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
    }

    [Theory]
    [InlineData("--role-name", "bad name")]
    [InlineData("--path", "noslash")]
    [InlineData("--caller-arn", "arn:aws:sts::111111111111:assumed-role/Platform/s")]
    [InlineData("--caller-arn", "arn:aws:iam::111111111111:group/Admins")]
    public void Bad_values_exit_2(string option, string value)
    {
        var args = option == "--role-name" ? new[] { "template", "caller", option, value } : ["template", "caller", "--role-name", "R", option, value];
        var (exit, output, error) = CliRunner.Run(args);
        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void With_the_callers_arn_it_may_simulate_and_read_its_own_policies_and_still_validates()
    {
        var (exit, policy, error) = CliRunner.Run("template", "caller", "--role-name", "R", "--caller-arn", "arn:aws:iam::111111111111:role/ops/Platform");
        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(policy);
        var statements = json.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        var self = statements["DiagnoseOwnAccess"];
        Assert.Equal("arn:aws:iam::111111111111:role/ops/Platform", self.GetProperty("Resource").GetString());
        Assert.Equal(["iam:SimulatePrincipalPolicy", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"],
            self.GetProperty("Action").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal(["arn:aws:iam::111111111111:policy/*", "arn:aws:iam::aws:policy/*"],
            statements["ReadOwnManagedPolicies"].GetProperty("Resource").EnumerateArray().Select(a => a.GetString()!));

        using var file = new TempFile(policy);
        var (validExit, output, _) = CliRunner.Run("policy", "validate", file.Path, "--output", "json");
        Assert.True(validExit == 0, output);
    }

    [Fact]
    public void The_role_name_is_required()
    {
        var (exit, _, error) = CliRunner.Run("template", "caller");
        Assert.Equal(2, exit);
        Assert.Contains("--role-name", error);
    }
}
