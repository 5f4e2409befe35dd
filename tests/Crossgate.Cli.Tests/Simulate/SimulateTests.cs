using System.Text.Json;

namespace Crossgate.Cli.Tests.Simulate;

/// <summary><c>crossgate simulate</c> end to end: scenario files in, AWS's decisions and messages out, exit codes.</summary>
public class SimulateTests
{
    [Fact]
    public void The_example_walks_alex_from_refused_to_allowed_to_denied_EC2()
    {
        var (exit, output, error) = CliRunner.Run("simulate", CliRunner.Scenario("alex-assume-crossaccount-b.json"), "--output", "json");

        Assert.True(exit == 0, error);
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement;
        Assert.Equal(3, results.GetArrayLength());
        Assert.Equal("implicitDeny", results[0].GetProperty("decision").GetString());
        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/CrossAccount-B",
            results[0].GetProperty("message").GetString());
        Assert.Equal("allowed", results[1].GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, results[1].GetProperty("message").ValueKind);
        Assert.Equal(
            "User: arn:aws:sts::222222222222:assumed-role/CrossAccount-B/alex is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action",
            results[2].GetProperty("message").GetString());
        Assert.Equal("implicitDeny", results[2].GetProperty("layers").GetProperty("identityPolicies").GetString());
    }

    [Fact]
    public void Text_output_names_the_decision_the_message_and_the_matched_statements()
    {
        var (exit, output, _) = CliRunner.Run("simulate", CliRunner.Scenario("alex-assume-crossaccount-b.json"));

        Assert.Equal(0, exit);
        Assert.Contains("[0] implicitDeny (identityPolicies)", output);
        Assert.Contains("reason: because no identity-based policy allows the sts:AssumeRole action", output);
        Assert.Contains("[1] allowed", output);
        Assert.Contains("matched: identityPolicies assume-b statement 0: Allow", output);
    }

    [Fact]
    public void A_single_scenario_object_gives_a_single_object()
    {
        var path = WriteTemp("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:ListAllMyBuckets","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:List*","Resource":"*"}}]}""");

        var (exit, output, _) = CliRunner.Run("simulate", path, "--output", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
        Assert.Equal("allowed", json.RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public void An_invalid_policy_exits_1_with_AWSs_error()
    {
        var path = WriteTemp("""[{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:ListAllMyBuckets","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ListAllMyBuckets","Resource":"*"}}]}]""");

        var (exit, output, _) = CliRunner.Run("simulate", path, "--output", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(output);
        var error = json.RootElement[0].GetProperty("error");
        Assert.Equal("MalformedPolicyDocument", error.GetProperty("code").GetString());
        Assert.StartsWith("$[0].identityPolicies[0]", error.GetProperty("path").GetString());
    }

    [Fact]
    public void A_malformed_scenario_exits_1_and_names_its_fault()
    {
        var path = WriteTemp("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","resource":"*"}}""");

        var (exit, output, _) = CliRunner.Run("simulate", path);

        Assert.Equal(1, exit);
        Assert.Contains("$.request.action", output);
    }

    [Fact]
    public void A_missing_file_is_bad_usage()
    {
        var (exit, _, error) = CliRunner.Run("simulate", "/nonexistent/scenario.json");

        Assert.Equal(2, exit);
        Assert.Contains("File not found", error);
    }

    [Fact]
    public void No_argument_is_bad_usage()
    {
        Assert.Equal(2, CliRunner.Run("simulate").ExitCode);
    }

    private static string WriteTemp(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"crossgate-scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void A_large_file_is_read_in_place_and_answered_in_order()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crossgate-simulate-{Guid.NewGuid():N}.json");
        var scenarios = Enumerable.Range(0, 400).Select(i =>
            "{\"request\":{\"principal\":\"arn:aws:iam::111111111111:user/u" + i + "\",\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::b/" + i + "\"}," +
            "\"identityPolicies\":[{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/" + (i % 2 == 0 ? i.ToString() : "other") + "\"}]}]}");
        File.WriteAllText(path, "[" + string.Join(",", scenarios) + "]");
        try
        {
            var (exit, output, error) = CliRunner.Run("simulate", path, "--output", "json");

            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(400, json.RootElement.GetArrayLength());
            for (var i = 0; i < 400; i++)
            {
                Assert.Equal(i % 2 == 0 ? "allowed" : "implicitDeny", json.RootElement[i].GetProperty("decision").GetString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void An_empty_file_is_refused_as_not_JSON()
    {
        var path = Path.GetTempFileName();
        try
        {
            var (exit, output, _) = CliRunner.Run("simulate", path, "--output", "json");

            Assert.Equal(1, exit);
            Assert.Contains("The input is not valid JSON", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
