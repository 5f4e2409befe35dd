using System.Text.Json;

namespace Crossgate.Cli.Tests.Template;

public class PolicyTightenTests
{
    private const string Triage = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"RequiredForTriageAndRunCommand","Effect":"Allow","Action":["ssm:SendCommand","ssm:DescribeInstanceInformation"],
           "Resource":["arn:aws:ec2:*:*:instance/*","arn:aws:ssm:*::document/AWS-RunShellScript"]},
          {"Sid":"Kms","Effect":"Allow","Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"}]}
        """;

    [Fact]
    public void Text_output_is_the_tightened_policy_and_validates()
    {
        using var file = new TempFile(Triage);
        var (exit, output, error) = CliRunner.Run("policy", "tighten", file.Path, "--tag-condition", "ssm:SendCommand=SSMEnabled:True", "--kms-grants-only");
        Assert.True(exit == 0, error);
        Assert.Contains("note:", error);
        using var json = JsonDocument.Parse(output);
        var sids = json.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Sid").GetString()).ToList();
        Assert.Equal(["RequiredForTriageAndRunCommand", "RequiredForTriageAndRunCommandTagged", "RequiredForTriageAndRunCommandAwsOwned", "Kms"], sids);
        Assert.Contains("\"ssm:resourceTag/SSMEnabled\": \"True\"", output);
        Assert.Contains("\"kms:GrantIsForAWSResource\": \"true\"", output);

        using var tightened = new TempFile(output, "tightened.json");
        var (validExit, _, _) = CliRunner.Run("policy", "validate", tightened.Path);
        Assert.Equal(0, validExit);
    }

    [Fact]
    public void Json_output_carries_the_policy_and_notes()
    {
        using var file = new TempFile(Triage);
        var (exit, output, _) = CliRunner.Run("policy", "tighten", file.Path, "--tag-condition", "ssm:SendCommand=SSMEnabled:True", "--output", "json");
        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(4, json.RootElement.GetProperty("policy").GetProperty("Statement").GetArrayLength());
        Assert.NotEqual(0, json.RootElement.GetProperty("notes").GetArrayLength());
    }

    [Fact]
    public void A_contradicting_condition_exits_1()
    {
        using var file = new TempFile("""
            {"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*",
             "Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":"No"}}}]}
            """);
        var (exit, output, error) = CliRunner.Run("policy", "tighten", file.Path, "--tag-condition", "ssm:SendCommand=SSMEnabled:True");
        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Contains("conflict:", error);
    }

    [Fact]
    public void An_invalid_policy_exits_1()
    {
        using var file = new TempFile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}""");
        var (exit, _, error) = CliRunner.Run("policy", "tighten", file.Path, "--kms-grants-only");
        Assert.Equal(1, exit);
        Assert.Contains("MalformedPolicyDocument", error);
    }

    [Theory]
    [InlineData("--tag-condition", "ssm:SendCommand")]
    [InlineData("--output", "yaml")]
    public void Bad_options_exit_2(string option, string value)
    {
        using var file = new TempFile(Triage);
        var (exit, _, error) = CliRunner.Run("policy", "tighten", file.Path, option, value);
        Assert.Equal(2, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void Nothing_to_do_is_a_usage_error()
    {
        using var file = new TempFile(Triage);
        var (exit, _, error) = CliRunner.Run("policy", "tighten", file.Path);
        Assert.Equal(2, exit);
        Assert.Contains("Nothing to do", error);
    }
}
