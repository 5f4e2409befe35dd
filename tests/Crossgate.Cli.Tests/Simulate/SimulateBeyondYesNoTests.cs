using System.Text.Json;

namespace Crossgate.Cli.Tests.Simulate;

/// <summary><c>simulate --as policy-simulator</c>, the <c>simulatorsDiffer</c> flag, <c>--discover</c> and
/// <c>--resource-match any</c>, end to end through the CLI.</summary>
public class SimulateBeyondYesNoTests
{
    // Alex may assume the role by his own policy, but the role's trust policy admits only another account.
    private const string TrustDenies = """
        {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"sts:AssumeRole","resource":"arn:aws:iam::222222222222:role/CrossAccount-B"},
         "identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/CrossAccount-B"}}],
         "resourcePolicy":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"333333333333"},"Action":"sts:AssumeRole"}}}
        """;

    private static JsonElement RunJson(string scenario, params string[] options)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, scenario);
            var (exit, output, error) = CliRunner.Run(["simulate", path, "--output", "json", .. options]);
            Assert.True(exit == 0, output + error);
            using var json = JsonDocument.Parse(output);
            return json.RootElement.Clone();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_trust_policy_passed_as_resource_policy_counts_in_both_answers()
    {
        var live = RunJson(TrustDenies);
        Assert.Equal("implicitDeny", live.GetProperty("decision").GetString());
        Assert.False(live.TryGetProperty("simulatorsDiffer", out _));
    }

    [Fact]
    public void Without_the_trust_policy_the_simulator_allows_what_AWS_refuses_and_the_answer_says_so()
    {
        var scenario = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"sts:AssumeRole","resource":"arn:aws:iam::222222222222:role/CrossAccount-B"},
             "identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/CrossAccount-B"}}]}
            """;
        var live = RunJson(scenario);
        Assert.Equal("implicitDeny", live.GetProperty("decision").GetString());
        var differ = live.GetProperty("simulatorsDiffer");
        Assert.Equal("implicitDeny", differ.GetProperty("liveAws").GetString());
        Assert.Equal("allowed", differ.GetProperty("policySimulator").GetString());

        var simulator = RunJson(scenario, "--as", "policy-simulator");
        Assert.Equal("allowed", simulator.GetProperty("decision").GetString());
        Assert.Equal("policySimulator", simulator.GetProperty("evaluatedAs").GetString());
        Assert.Equal("implicitDeny", simulator.GetProperty("simulatorsDiffer").GetProperty("liveAws").GetString());
    }

    [Fact]
    public void An_unknown_mode_is_a_usage_error()
    {
        var (exit, _, _) = CliRunner.Run("simulate", CliRunner.Scenario("alex-assume-crossaccount-b.json"), "--as", "oracle");
        Assert.Equal(2, exit);
    }

    [Fact]
    public void Discover_gives_the_conditions_under_which_the_request_would_be_allowed()
    {
        var scenario = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"sts:AssumeRole","resource":"arn:aws:iam::222222222222:role/Target"},
             "identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}],
             "resourcePolicy":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole",
               "Condition":{"StringEquals":{"sts:ExternalId":"abc"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}}
            """;
        var answer = RunJson(scenario, "--discover");
        Assert.Equal("implicitDeny", answer.GetProperty("decision").GetString());
        var discovery = answer.GetProperty("discovery");
        var alternatives = discovery.GetProperty("allowedWhen").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(["aws:MultiFactorAuthPresent = true and sts:ExternalId = \"abc\""], alternatives);
        Assert.Equal("resourcePolicy", discovery.GetProperty("missingAllowIn").GetString());
        Assert.Equal(0, discovery.GetProperty("decidingStatements").GetArrayLength());
    }

    [Fact]
    public void Discover_names_the_one_statement_that_decides_an_explicit_deny()
    {
        var scenario = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:DeleteBucket","resource":"arn:aws:s3:::logs"},
             "identityPolicies":[{"name":"admin","document":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
               {"Sid":"NoDelete","Effect":"Deny","Action":"s3:Delete*","Resource":"*"},{"Sid":"NoBucketDelete","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}}]}
            """;
        var discovery = RunJson(scenario, "--discover").GetProperty("discovery");
        var deciding = Assert.Single(discovery.GetProperty("decidingStatements").EnumerateArray());
        Assert.Equal("NoDelete", deciding.GetProperty("sid").GetString());
        Assert.Equal("admin", deciding.GetProperty("policy").GetString());
        Assert.Equal(0, discovery.GetProperty("allowedWhen").GetArrayLength());
    }

    [Fact]
    public void Resource_match_any_allows_a_wildcard_resource_some_covered_resource_of_which_is_allowed()
    {
        var scenario = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"arn:aws:s3:::bucket/*"},
             "identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/reports/*"}}]}
            """;

        // AWS's literal matching: "bucket/*" as written is not under "bucket/reports/*".
        Assert.Equal("implicitDeny", RunJson(scenario).GetProperty("decision").GetString());

        var any = RunJson(scenario, "--resource-match", "any");
        Assert.Equal("allowed", any.GetProperty("decision").GetString());
        var match = any.GetProperty("resourceMatch");
        Assert.Equal("arn:aws:s3:::bucket/reports/", match.GetProperty("allowedResource").GetString());
        Assert.Equal(["arn:aws:s3:::bucket/reports/*"], match.GetProperty("allowingPatterns").EnumerateArray().Select(e => e.GetString()).ToList());
    }

    [Fact]
    public void Resource_match_any_still_denies_when_nothing_covered_is_allowed()
    {
        var scenario = """
            {"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},
             "identityPolicies":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:PutObject","Resource":"*"}}]}
            """;
        var any = RunJson(scenario, "--resource-match", "any");
        Assert.Equal("implicitDeny", any.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, any.GetProperty("resourceMatch").GetProperty("allowedResource").ValueKind);
    }
}
