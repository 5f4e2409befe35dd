using System.Text.Json;

namespace Crossgate.Cli.Tests.Policy;

/// <summary>End-to-end validation of the example policies. These need PolicyParser.Parse.</summary>
public class ValidateTests
{
    [Fact]
    public void The_readme_example_is_valid()
    {
        var (exit, output, error) = CliRunner.Run("policy", "validate", CliRunner.Example("assume-crossaccount-b.json"));
        Assert.True(exit == 0, output + error);
        Assert.Contains("valid", output);
        Assert.Contains("0 errors", output);
    }

    [Fact]
    public void A_trust_policy_trusting_a_whole_account_is_valid_with_a_security_warning()
    {
        var (exit, output, _) = CliRunner.Run("policy", "validate", CliRunner.Example("crossaccount-b-trust.json"), "--kind", "trust");
        Assert.Equal(0, exit);
        Assert.Contains("SECURITY_WARNING TRUSTS_ACCOUNT_WITHOUT_CONDITION", output);
    }

    [Fact]
    public void Trusting_the_owner_account_is_not_reported()
    {
        var (exit, output, _) = CliRunner.Run("policy", "validate", CliRunner.Example("crossaccount-b-trust.json"), "--kind", "trust", "--owner-account", "111111111111");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("TRUSTS_ACCOUNT_WITHOUT_CONDITION", output);
    }

    [Theory]
    [InlineData("platform-response-role-trust.json", "trust")]
    [InlineData("platform-permission-groups.json", "identity")]
    [InlineData("scp-deny-leave-organization.json", "scp")]
    public void Clean_examples_have_no_findings(string file, string kind)
    {
        var (exit, output, error) = CliRunner.Run("policy", "validate", CliRunner.Example(file), "--kind", kind, "--output", "json");
        Assert.True(exit == 0, output + error);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void The_bad_example_exits_1_with_its_errors()
    {
        var (exit, output, _) = CliRunner.Run("policy", "validate", CliRunner.Example("bad-policy.json"), "--output", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var codes = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Contains("INVALID_ACTION", codes);
        Assert.Contains("INVALID_SERVICE_IN_ACTION", codes);
        Assert.Contains("INVALID_GLOBAL_CONDITION_KEY", codes);
        Assert.Contains("ALLOW_WITH_NOT_ACTION", codes);
        Assert.Contains("RESOURCE_MATCHES_NO_ACTION", codes);
        var first = json.RootElement.GetProperty("findings")[0];
        Assert.Equal("ERROR", first.GetProperty("severity").GetString());
    }

    [Fact]
    public void Malformed_json_is_refused_with_exit_1()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{ \"Version\": \"2012-10-17\", \"Statement\": [ ");
            var (exit, output, _) = CliRunner.Run("policy", "validate", file);
            Assert.Equal(1, exit);
            Assert.Contains("MalformedPolicyDocument", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Identity_answers_as_CreatePolicy_and_inline_as_PutRolePolicy()
    {
        var file = Path.GetTempFileName();
        try
        {
            // No Version: a managed policy refuses it, an inline policy accepts it.
            File.WriteAllText(file, "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}");
            var (exit, output, _) = CliRunner.Run("policy", "validate", file, "--kind", "identity", "--output", "json");
            Assert.Equal(1, exit);
            using (var json = JsonDocument.Parse(output))
            {
                Assert.Equal("Policy document must be version 2012-10-17 or greater.",
                    json.RootElement.GetProperty("errors")[0].GetProperty("message").GetString());
            }

            (exit, output, _) = CliRunner.Run("policy", "validate", file, "--kind", "inline", "--output", "json");
            Assert.True(exit == 0, output);
            using var inline = JsonDocument.Parse(output);
            Assert.Equal("inline", inline.RootElement.GetProperty("kind").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_condition_key_without_vendor_is_a_finding_not_a_refusal()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"mykey\":\"x\"}}}}");
            var (exit, output, _) = CliRunner.Run("policy", "validate", file, "--output", "json");
            Assert.Equal(1, exit);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
            Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(),
                f => f.GetProperty("code").GetString() == "INVALID_CONDITION_KEY_FORMAT");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
