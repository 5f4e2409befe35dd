using System.Text;
using System.Text.Json;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>Simulator scenario files: every optional field, policies in each accepted shape, and faults named by
/// their JSON path.</summary>
public class ScenarioReaderTests
{
    private const string Full = """
    {
      "request": {
        "principal": "arn:aws:iam::111111111111:user/alex",
        "principalTags": {"team": "ir"},
        "action": "sts:AssumeRole",
        "resource": "arn:aws:iam::222222222222:role/CrossAccount-B",
        "resourceAccount": "222222222222",
        "resourceTags": {},
        "context": {"sts:ExternalId": "abc", "aws:SourceIp": "10.0.0.1", "aws:TagKeys": ["a", "b"], "aws:MultiFactorAuthAge": 30}
      },
      "identityPolicies": [{"name": "assume-b", "document": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/CrossAccount-B"}]}}],
      "resourcePolicy": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc"}}}]},
      "permissionsBoundary": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]},
      "sessionPolicies": [],
      "serviceControlPolicies": [[{"name": "FullAWSAccess", "document": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}], []],
      "resourceControlPolicies": [[]],
      "principalOrgId": "o-abc123", "resourceOrgId": "o-abc123"
    }
    """;

    private static List<ScenarioReadResult> Read(string json, out bool isArray)
    {
        Assert.True(ScenarioReader.TryRead(Encoding.UTF8.GetBytes(json), out isArray, out var results, out var fatal), fatal?.ToString());
        return results;
    }

    [Fact]
    public void The_issues_example_reads_and_decides()
    {
        var result = Assert.Single(Read(Full, out var isArray));
        Assert.False(isArray);
        Assert.Null(result.Error);
        var scenario = result.Scenario!;

        Assert.Equal("assume-b", scenario.Policies.IdentityPolicies[0].Name);
        Assert.Equal(2, scenario.Policies.ServiceControlPolicies.Length);
        Assert.Equal("o-abc123", scenario.Request.Principal.OrgId);
        Assert.True(scenario.Request.EvaluationContext.Keys.TryGet("aws:TagKeys", out var tagKeys) && tagKeys.IsMultiValued);

        // The second SCP level is empty, so nothing allows there.
        var decision = Authorizer.Authorize(scenario.Request, scenario.Policies);
        Assert.Equal(PolicyLayer.ServiceControl, decision.DecidingLayer);
    }

    [Fact]
    public void Without_the_empty_level_the_example_is_allowed()
    {
        var json = Full.Replace("}}], []],", "}}]],");
        var scenario = Read(json, out _)[0].Scenario!;

        Assert.True(Authorizer.Authorize(scenario.Request, scenario.Policies).IsAllowed);
    }

    [Fact]
    public void An_array_gives_one_result_per_scenario_and_bad_ones_name_their_fault()
    {
        var json = $"[{Full}, {{\"request\": {{\"principal\": \"arn:aws:iam::111111111111:user/alex\", \"resource\": \"*\"}}}}, 7]";
        var results = Read(json, out var isArray);

        Assert.True(isArray);
        Assert.Equal(3, results.Count);
        Assert.NotNull(results[0].Scenario);
        Assert.Equal("$[1].request.action", results[1].Error!.Path);
        Assert.Equal(ScenarioError.InvalidScenario, results[1].Error!.Code);
        Assert.Equal("$[2]", results[2].Error!.Path);
    }

    [Fact]
    public void A_policy_error_keeps_AWSs_code_and_points_into_the_scenario()
    {
        var json = """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"identityPolicies":[{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"*"}]}]}""";
        var error = Read(json, out _)[0].Error!;

        Assert.Equal("MalformedPolicyDocument", error.Code);
        Assert.Equal("Policy document should not specify a principal.", error.Message);
        Assert.StartsWith("$.identityPolicies[0]", error.Path);
    }

    [Fact]
    public void A_policy_may_be_given_as_a_JSON_string()
    {
        var json = """{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"identityPolicies":["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"]}""";
        var scenario = Read(json, out _)[0].Scenario!;

        Assert.True(Authorizer.Decide(scenario.Request, scenario.Policies).IsAllowed);
    }

    [Theory]
    [InlineData("""{"request":{"principal":"alex","action":"s3:GetObject","resource":"*"}}""", "$.request.principal")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"GetObject","resource":"*"}}""", "$.request.action")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject"}}""", "$.request.resource")]
    [InlineData("""{"identityPolicies":[]}""", "$.request")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*","context":{"k":{}}}}""", "$.request.context.k")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*"},"serviceControlPolicies":[{}]}""", "$.serviceControlPolicies[0]")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*","principalTags":{"a":1}}}""", "$.request.principalTags.a")]
    [InlineData("""{"request":{"principal":"arn:aws:iam::111111111111:user/alex","action":"s3:GetObject","resource":"*","time":"yesterday"}}""", "$.request.time")]
    public void Malformed_scenarios_name_their_fault(string json, string path)
    {
        var error = Read(json, out _)[0].Error;

        Assert.NotNull(error);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    [InlineData("")]
    public void Input_that_is_not_a_scenario_is_refused_as_a_whole(string text)
    {
        Assert.False(ScenarioReader.TryRead(Encoding.UTF8.GetBytes(text), out _, out _, out var fatal));
        Assert.Equal("$", fatal!.Path);
    }

    [Fact]
    public void The_JSON_answer_has_the_fields_the_issue_names()
    {
        var scenario = Read(Full.Replace("}}], []],", "}}]],"), out _)[0].Scenario!;
        var decision = Authorizer.Authorize(scenario.Request, scenario.Policies);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        DecisionJsonWriter.Write(buffer, decision);

        using var json = JsonDocument.Parse(buffer.WrittenMemory);
        var root = json.RootElement;
        Assert.Equal("allowed", root.GetProperty("decision").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("message").ValueKind);
        Assert.True(root.GetProperty("matchedStatements").GetArrayLength() >= 3);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("missingContextKeys").ValueKind);
        Assert.Equal("allowed", root.GetProperty("layers").GetProperty("identityPolicies").GetString());
        Assert.Equal("notApplicable", root.GetProperty("layers").GetProperty("sessionPolicies").GetString());
    }

    [Fact]
    public void A_policy_that_comes_again_is_compiled_once_more_and_then_reused_keeping_each_name()
    {
        var cache = new CompiledPolicyCache();
        const string fullAccess = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var once = cache.GetOrParse(Encoding.UTF8.GetBytes(fullAccess), Crossgate.Policies.PolicyKind.ServiceControl);
        Assert.Equal(0, cache.Count);

        var first = cache.GetOrParse(Encoding.UTF8.GetBytes(fullAccess), Crossgate.Policies.PolicyKind.ServiceControl);
        var again = cache.GetOrParse(Encoding.UTF8.GetBytes(fullAccess), Crossgate.Policies.PolicyKind.ServiceControl);
        var asIdentity = cache.GetOrParse(Encoding.UTF8.GetBytes(fullAccess), Crossgate.Policies.PolicyKind.Identity);
        cache.GetOrParse(Encoding.UTF8.GetBytes(fullAccess), Crossgate.Policies.PolicyKind.Identity);

        Assert.NotSame(once.Policy, first.Policy);
        Assert.Same(first.Policy, again.Policy);
        Assert.NotSame(first.Policy, asIdentity.Policy);
        Assert.Equal(2, cache.Count);
        Assert.Equal("root", first.Policy!.WithName("root").Name);
        Assert.Equal(first.Policy.Statements, first.Policy.WithName("root").Statements);
    }

    [Fact]
    public void A_refused_text_is_refused_every_time()
    {
        var cache = new CompiledPolicyCache();
        var bytes = Encoding.UTF8.GetBytes("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"GetObject","Resource":"*"}]}""");

        Assert.NotNull(cache.GetOrParse(bytes, Crossgate.Policies.PolicyKind.Identity).Error);
        Assert.NotNull(cache.GetOrParse(bytes, Crossgate.Policies.PolicyKind.Identity).Error);
    }
}
