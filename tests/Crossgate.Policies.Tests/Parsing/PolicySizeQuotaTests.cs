using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_iam-quotas and ORG orgs_reference_limits: sizes as AWS counts them (§3.2).</summary>
public class PolicySizeQuotaTests
{
    [Theory]
    [InlineData("{ }", 2)]
    [InlineData("{\n\t\"a\" : \"b c\"\r\n}", 10)]
    [InlineData("", 0)]
    [InlineData("      ", 0)]
    public void IAM_counts_characters_other_than_whitespace(string text, int expected) =>
        Assert.Equal(expected, PolicySizeQuota.ManagedPolicy.Measure(text));

    [Theory]
    [InlineData("{ }", 3)]
    [InlineData("{\n\t\"a\" : \"b c\"\r\n}", 17)]
    public void Organizations_counts_every_character(string text, int expected) =>
        Assert.Equal(expected, PolicySizeQuota.OrganizationsPolicy().Measure(text));

    [Theory]
    [InlineData("é ü", 2)]
    [InlineData("ÿ", 1)]
    public void UTF8_text_counts_characters_not_bytes(string text, int expected) =>
        Assert.Equal(expected, PolicySizeQuota.ManagedPolicy.Measure(System.Text.Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Managed_policy_limit_is_6144_with_AWS_message()
    {
        Assert.Null(PolicySizeQuota.ManagedPolicy.Check(new string('a', 6144)));
        var error = PolicySizeQuota.ManagedPolicy.Check(new string('a', 6145) + "   ");
        Assert.Equal(new PolicyError(PolicyError.LimitExceeded, "Cannot exceed quota for PolicySize: 6144", "$"), error);
    }

    [Fact]
    public void Whitespace_does_not_push_an_IAM_policy_over() =>
        Assert.Null(PolicySizeQuota.ManagedPolicy.Check(new string('a', 6144) + new string(' ', 5000)));

    [Theory]
    [InlineData("user", 2048)]
    [InlineData("group", 5120)]
    [InlineData("role", 10240)]
    public void Inline_policy_limits_name_the_entity(string type, int max)
    {
        var quota = type switch
        {
            "user" => PolicySizeQuota.InlineUserPolicies("alex"),
            "group" => PolicySizeQuota.InlineGroupPolicies("alex"),
            _ => PolicySizeQuota.InlineRolePolicies("alex"),
        };
        Assert.Equal(max, quota.MaxCharacters);
        Assert.Null(quota.CheckSize(max));
        Assert.Equal(new PolicyError(PolicyError.LimitExceeded, $"Maximum policy size of {max} bytes exceeded for {type} alex", "$"), quota.CheckSize(max + 1));
    }

    [Theory]
    [InlineData(2048)]
    [InlineData(4096)]
    [InlineData(8192)]
    public void Trust_policy_limit_is_adjustable(int max)
    {
        var quota = PolicySizeQuota.TrustPolicy(max);
        Assert.Null(quota.CheckSize(max));
        Assert.Equal($"Cannot exceed quota for ACLSizePerRole: {max}", quota.CheckSize(max + 1)!.Message);
    }

    [Fact]
    public void Trust_policy_default_is_2048() => Assert.Equal(2048, PolicySizeQuota.TrustPolicy().MaxCharacters);

    [Fact]
    public void Organizations_limit_uses_ConstraintViolation()
    {
        var error = PolicySizeQuota.OrganizationsPolicy().Check(new string(' ', 5121));
        Assert.Equal(new PolicyError("ConstraintViolationException", "You have exceeded the maximum policy size.", "$"), error);
    }

    [Fact]
    public void Parse_with_a_quota_refuses_oversized_text_before_reading_it()
    {
        var statements = string.Join(",", Enumerable.Range(0, 100).Select(i => "{'Sid':'S" + i + "','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::bucket-" + i + "/*'}"));
        var json = Q("{'Version':'2012-10-17','Statement':[" + statements + "]}");
        Assert.True(PolicyParser.Parse(json, PolicyKind.Identity).Success);
        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyKind.Identity) { Quota = PolicySizeQuota.InlineUserPolicies("alex") });
        AssertFails(result, "Maximum policy size of 2048 bytes exceeded for user alex", "$", PolicyError.LimitExceeded);
    }

    [Fact]
    public void Parse_of_bytes_with_a_quota_applies_it_too()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(Q("{'Statement':{'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':'sts:AssumeRole'}}"));
        Assert.True(PolicyParser.Parse(json, new PolicyParseOptions(PolicyKind.Trust) { Quota = PolicySizeQuota.TrustPolicy() }).Success);
        AssertFails(PolicyParser.Parse(json, new PolicyParseOptions(PolicyKind.Trust) { Quota = PolicySizeQuota.TrustPolicy(50) }),
            "Cannot exceed quota for ACLSizePerRole: 50", "$", PolicyError.LimitExceeded);
    }
}
