using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>Every refusal names the JSON path of its fault, and a document with several faults reports each.</summary>
public class ErrorPathTests
{
    [Fact]
    public void Path_points_into_the_second_statement_and_principal_array()
    {
        var json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'}," +
                     "{'Effect':'Allow','Principal':{'AWS':['111111111111','foo']},'Action':'s3:*','Resource':'*'}]}");
        AssertFails(json, PolicyKind.Resource, "Invalid principal in policy: \"AWS\":\"foo\"", "$.Statement[1].Principal.AWS[1]");
    }

    [Fact]
    public void Faults_in_several_statements_are_all_reported()
    {
        var json = Q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'GetObject','Resource':'*'}," +
                     "{'Effect':'allow','Action':'s3:*','Resource':'*'},{'Effect':'Allow','Action':'s3:*','Resource':'bucket'}]}");
        var result = PolicyParser.Parse(json, PolicyKind.Identity);
        Assert.False(result.Success);
        Assert.Equal<PolicyError>(
            [
                // AWS's order: legacy parsing, then resource format, then action prefix.
                new PolicyError(PolicyError.MalformedPolicyDocument, PolicyMessages.LegacyParsingFailed, "$.Statement[1].Effect"),
                new PolicyError(PolicyError.MalformedPolicyDocument, PolicyMessages.InvalidPartition("bucket", "arn:bucket:*:*:*:*"), "$.Statement[2].Resource"),
                new PolicyError(PolicyError.MalformedPolicyDocument, PolicyMessages.ActionNeedsVendor, "$.Statement[0].Action"),
            ],
            result.Errors);
    }

    [Theory]
    [InlineData("aws:RequestTag/team", "$.Statement.Condition.StringEquals['aws:RequestTag/team']")]
    [InlineData("aws:it's", "$.Statement.Condition.StringEquals['aws:it\\'s']")]
    public void Keys_that_are_not_plain_names_use_bracket_paths(string key, string path)
    {
        var json = Q("{'Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringEquals':{'KEY':null}}}}").Replace("KEY", key);
        AssertFails(json, PolicyKind.Identity, Syntax, path);
    }

    [Fact]
    public void Kind_rule_paths_point_at_the_element_in_an_array_statement() =>
        AssertFails(Q("{'Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'}]}"),
            PolicyKind.Identity, PolicyMessages.ShouldNotSpecifyPrincipal, "$.Statement[1].Principal");

    [Fact]
    public void Trust_action_paths_index_into_the_action_array() =>
        AssertFails(Q("{'Statement':[{'Effect':'Allow','Principal':'*','Action':['sts:AssumeRole','sts:TagSession','ec2:RunInstances']}]}"),
            PolicyKind.Trust, PolicyMessages.TrustPolicyActions, "$.Statement[0].Action[2]");

    [Fact]
    public void Errors_render_code_message_and_path() =>
        Assert.Equal("MalformedPolicyDocument: Syntax errors in policy. (at $)", PolicyParser.Parse("{", PolicyKind.Identity).Errors[0].ToString());
}
