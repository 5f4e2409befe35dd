using System.Buffers;
using System.Text;
using Crossgate.Authorization.Simulation;

namespace Crossgate.Authorization.Tests.Simulation;

/// <summary>The fast path must never change an answer: for every scenario, well formed or not, reading it the
/// usual way (fast path, falling back to the exact one) gives what the exact path alone gives.</summary>
public class CleanScenarioReaderTests
{
    private const string Full = """
    {
      "request": {
        "principal": "arn:aws:iam::111111111111:user/alex",
        "principalTags": {"team": "ir", "Team": "override"},
        "action": "sts:AssumeRole",
        "resource": "arn:aws:iam::222222222222:role/CrossAccount-B",
        "resourceAccount": "222222222222",
        "resourceTags": {},
        "sessionName": "s", "sourceIdentity": "me", "mfa": true, "temporaryCredentials": false,
        "time": "2026-11-23T10:00:00Z",
        "context": {"sts:ExternalId": "abc", "aws:SourceIp": "10.0.0.1", "aws:TagKeys": ["a", "b"], "aws:SecureTransport": true}
      },
      "identityPolicies": [{"name": "assume-b", "document": {"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::222222222222:role/CrossAccount-B"}]}},
                           {"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}}],
      "resourcePolicy": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"abc"}}}]},
      "permissionsBoundary": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:*","Resource":"*"}]},
      "sessionPolicies": [],
      "serviceControlPolicies": [[{"name": "FullAWSAccess", "document": {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}}], [{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}]],
      "resourceControlPolicies": [[]],
      "principalOrgId": "o-abc123", "resourceOrgId": "o-abc123", "principalOrgPaths": ["o-abc123/r-ab12/"], "resourceOrgPaths": "o-abc123/r-ab12/",
      "comment": {"free": ["text", 1, 2.5e3, null]}
    }
    """;

    public static TheoryData<string> Variants()
    {
        var data = new TheoryData<string>
        {
            Full,
            Full.Replace("\"mfa\": true", "\"mfa\": 1"),
            Full.Replace("\"principal\": \"arn:aws:iam::111111111111:user/alex\"", "\"principal\": 7"),
            Full.Replace("\"action\": \"sts:AssumeRole\"", "\"action\": \"AssumeRole\""),
            Full.Replace("\"team\": \"ir\"", "\"team\": 1"),
            Full.Replace("\"sts:ExternalId\": \"abc\"", "\"sts:ExternalId\": 12345"),
            Full.Replace("\"sts:ExternalId\": \"abc\"", "\"sts:ExternalId\": \"a\\u0062c\""),
            Full.Replace("\"free\": [", "\"free\": [tru, "),
            Full.Replace("\"free\": [", "\"free\": [01, "),
            Full.Replace("\"name\": \"assume-b\",", "\"name\": \"assume-b\", \"note\": [1, 2],"),
            Full.Replace("\"name\": \"assume-b\",", "\"name\": \"assume-b\", \"note\": [1, tru],"),
            Full.Replace("\"name\": \"assume-b\",", "\"name\": 5,"),
            Full.Replace("\"Sid\":\"A\",", "\"Sid\":\"A\",\"Effect\":tru,"),
            Full.Replace("\"Sid\":\"A\",", "\"Sid\":\"A\" \"Oops\":1,"),
            Full.Replace("\"Sid\":\"A\",", "\"Principal\":\"*\","),
            Full.Replace("\"resourcePolicy\": {", "\"resourcePolicy\": 3, \"x\": {"),
            Full.Replace("\"sessionPolicies\": []", "\"sessionPolicies\": {}"),
            Full.Replace("\"sessionPolicies\": []", "\"sessionPolicies\": [\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":{\\\"Effect\\\":\\\"Allow\\\",\\\"Action\\\":\\\"sts:*\\\",\\\"Resource\\\":\\\"*\\\"}}\"]"),
            Full.Replace("\"resourceControlPolicies\": [[]]", "\"resourceControlPolicies\": [{}]"),
            Full.Replace("\"time\": \"2026-11-23T10:00:00Z\"", "\"time\": \"yesterday\""),
            Full.Replace("\"request\": {", "\"request\": {\"principal\": \"arn:aws:iam::333333333333:user/first\", ").Replace("\"comment\"", "\"request\": {\"action\": \"s3:GetObject\", \"resource\": \"*\"}, \"comment\""),
            Full.Replace("\"identityPolicies\": [", "\"identityPolicies\": null, \"identityPolicies\": ["),
            Full.Replace("\"principalTags\": {\"team\": \"ir\", \"Team\": \"override\"}", "\"principalTags\": {\"t\\u00e9am\": \"ir\"}"),
            Full.Replace(" ", "").Replace("\n", ""),
            Full.Replace("\"principalOrgPaths\": [\"o-abc123/r-ab12/\"]", "\"principalOrgPaths\": [7]"),
            "{}",
            "{\"request\": []}",
            "[]",
            "7",
            "{\"request\": {\"principal\": \"arn:aws:iam::111111111111:user/alex\", \"action\": \"s3:GetObject\", \"resource\": \"*\"}} ",
            "{\"request\": {\"principal\": \"arn:aws:iam::111111111111:user/alex\", \"action\": \"s3:GetObject\", \"resource\": \"*\", \"context\": {\"k\": {}}}}",
        };
        return data;
    }

    [Fact]
    public void Well_formed_scenarios_take_the_fast_path_and_unusual_ones_do_not()
    {
        Assert.True(CleanScenarioReader.TryRead(Encoding.UTF8.GetBytes(Full), new ScenarioDraft()));
        Assert.True(CleanScenarioReader.TryRead(Encoding.UTF8.GetBytes(Full.Replace(" ", "").Replace("\n", "")), new ScenarioDraft()));
        Assert.False(CleanScenarioReader.TryRead(Encoding.UTF8.GetBytes(Full.Replace("\"abc\"", "\"a\\u0062c\"")), new ScenarioDraft()));
        Assert.False(CleanScenarioReader.TryRead(Encoding.UTF8.GetBytes(Full.Replace("\"mfa\": true", "\"mfa\": 1")), new ScenarioDraft()));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_fast_path_answers_as_the_exact_path(string json) => AssertSame(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Random_damage_is_answered_as_the_exact_path_answers_it()
    {
        var random = new Random(7);
        var original = Encoding.UTF8.GetBytes(Full);
        byte[] alphabet = "{}[]\",: \\tn0ae"u8.ToArray();
        for (var round = 0; round < 4_000; round++)
        {
            var bytes = new List<byte>(original);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(bytes.Count);
                switch (random.Next(3))
                {
                    case 0:
                        bytes.RemoveAt(at);
                        break;
                    case 1:
                        bytes.Insert(at, alphabet[random.Next(alphabet.Length)]);
                        break;
                    default:
                        bytes[at] = alphabet[random.Next(alphabet.Length)];
                        break;
                }
            }

            AssertSame([.. bytes]);
        }
    }

    private static void AssertSame(byte[] json)
    {
        var usual = ScenarioReader.ReadOne(json, 4, new CompiledPolicyCache());
        var exact = ScenarioReader.ReadExactly(json, 4, new CompiledPolicyCache());
        var text = Encoding.UTF8.GetString(json);

        Assert.True(exact.Error == usual.Error, $"{exact.Error} but {usual.Error} for {text}");
        Assert.Equal(exact.Scenario is null, usual.Scenario is null);
        if (exact.Scenario is { } expected && usual.Scenario is { } actual)
        {
            Assert.Equal(Describe(expected), Describe(actual));
        }
    }

    /// <summary>Everything the engine is given, written out: the decision with its explanation, and the request
    /// and policies it came from.</summary>
    private static string Describe(Scenario scenario)
    {
        var buffer = new ArrayBufferWriter<byte>();
        DecisionJsonWriter.Write(buffer, Authorizer.Authorize(scenario.Request, scenario.Policies));
        var request = scenario.Request;
        var principal = request.Principal;
        var keys = request.Context?.All.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}={k.Value}") ?? [];
        var policies = scenario.Policies;
        return string.Join("\n",
            Encoding.UTF8.GetString(buffer.WrittenSpan),
            $"{principal.Arn} {principal.SessionName} {principal.SourceIdentity} {principal.MultiFactorAuthenticated} {principal.UsesTemporaryCredentials} {principal.OrgId} {string.Join(",", principal.OrgPaths)}",
            string.Join(",", principal.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")),
            $"{request.Action} {request.Resource} {request.ResourceAccount} {request.ResourceOrgId} {string.Join(",", request.ResourceOrgPaths)} {request.Time:O}",
            string.Join(",", keys),
            string.Join(",", policies.IdentityPolicies.Select(p => p.Name)),
            policies.ResourcePolicy?.Name, policies.PermissionsBoundary?.Name,
            string.Join(",", policies.SessionPolicies.Select(p => p.Name)),
            string.Join("|", policies.ServiceControlPolicies.Select(level => string.Join(",", level.Select(p => p.Name)))),
            string.Join("|", policies.ResourceControlPolicies.Select(level => string.Join(",", level.Select(p => p.Name)))));
    }
}
