using Crossgate.Policies.Evaluation;
using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Matching;

public class ResourceMatchingTests
{
    private static bool Matches(string[] patterns, string resource, bool notResource = false, params string[] keys)
    {
        var statement = Compile(Statement(resources: patterns, notResource: notResource));
        var context = Context(keys);
        context.Resource = resource;
        return statement.MatchesResource(context);
    }

    [Theory]
    [InlineData("*", "arn:aws:s3:::bucket/key", true, "* matches every resource")]
    [InlineData("*", "*", true, "* matches actions that name no resource")]
    [InlineData("arn:aws:s3:::bucket", "*", false, "an ARN does not match the no-resource marker *")]
    [InlineData("arn:aws:s3:::bucket", "arn:aws:s3:::bucket", true, "exact ARN")]
    [InlineData("arn:aws:s3:::bucket", "arn:aws:s3:::bucket/key", false, "bucket ARN does not cover objects")]
    [InlineData("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b/c", true, "* in the resource part crosses /")]
    [InlineData("arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/test/3/x", true, "docs example bucket/*/test/*")]
    [InlineData("arn:aws:s3:::bucket/*/test/*", "arn:aws:s3:::bucket/1/2/tst/3", false, "docs example, no test segment")]
    [InlineData("arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", false, "resource part is case-sensitive")]
    [InlineData("arn:aws:iam::123456789012:user/Bob", "arn:aws:iam::123456789012:user/bob", false, "IAM user names are case-sensitive in Resource")]
    [InlineData("arn:AWS:s3:::bucket", "arn:aws:s3:::bucket", false, "partition compared case-sensitively")]
    [InlineData("arn:aws:iam::123456789012:user/*", "arn:aws:iam::123456789012:user/division/Bob", true, "user/* covers paths")]
    [InlineData("arn:aws:iam::*:role/R", "arn:aws:iam::999999999999:role/R", true, "* in the account part")]
    [InlineData("arn:aws:iam::12345678901?:role/R", "arn:aws:iam::123456789012:role/R", true, "? in the account part")]
    [InlineData("arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-east-1:123456789012:instance/i-1", true, "* in region and account")]
    [InlineData("arn:aws:ec2:us-*:*:instance/*", "arn:aws:ec2:eu-west-1:123456789012:instance/i-1", false, "region glob")]
    [InlineData("arn:aws:sns:*:123456789012:t", "arn:aws:sns:us-east-1:999999999999:123456789012:t", false, "a region * cannot swallow the account part")]
    [InlineData("arn:aws:logs:us-east-1:1:log-group:g:*", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", true, "resource part may hold colons")]
    [InlineData("arn:aws:logs:us-east-1:1:log-group:g", "arn:aws:logs:us-east-1:1:log-group:g:log-stream:s", false, "colons in the resource part are literal")]
    [InlineData("arn:aws:s3:*", "arn:aws:s3:::bucket/key", true, "short pattern: trailing * extends across the remaining parts")]
    [InlineData("arn:*", "arn:aws:iam::1:role/R", true, "arn:* covers any ARN")]
    [InlineData("arn:aws:s3:::bucket", "not-an-arn", false, "non-ARN resource")]
    [InlineData("arn:aws:s3:::b?cket", "arn:aws:s3:::bucket", true, "? in the resource part")]
    [InlineData("arn:aws:dynamodb:us-east-1:1:table/T", "arn:aws:dynamodb:us-east-1:1:table/T/index/I", false, "table ARN does not cover its index")]
    public void Resource(string pattern, string resource, bool expected, string rule)
    {
        Assert.True(expected == Matches([pattern], resource), rule);
    }

    [Theory]
    [InlineData("arn:aws:s3:::a|arn:aws:s3:::b", "arn:aws:s3:::b", true, "resources are ORed")]
    [InlineData("arn:aws:s3:::a|arn:aws:s3:::b", "arn:aws:s3:::c", false, "no listed resource")]
    public void Resource_list(string patterns, string resource, bool expected, string rule)
    {
        Assert.True(expected == Matches(Split(patterns), resource), rule);
    }

    [Theory]
    [InlineData("arn:aws:s3:::secret/*", "arn:aws:s3:::secret/x", false, "NotResource: listed resource is not matched")]
    [InlineData("arn:aws:s3:::secret/*", "arn:aws:s3:::public/x", true, "NotResource: other resources match")]
    [InlineData("arn:aws:s3:::secret/*", "*", true, "NotResource: the no-resource marker is not listed")]
    [InlineData("*", "arn:aws:s3:::x", false, "NotResource * matches nothing")]
    public void NotResource(string pattern, string resource, bool expected, string rule)
    {
        Assert.True(expected == Matches([pattern], resource, notResource: true), rule);
    }

    [Fact]
    public void A_statement_without_Resource_matches_any_resource()
    {
        var statement = Compile(Statement(noResource: true), kind: PolicyKind.Trust);
        var context = new RequestContext { Resource = "arn:aws:iam::123456789012:role/R" };
        Assert.True(statement.MatchesResource(context));
        context.Resource = "*";
        Assert.True(statement.MatchesResource(context));
    }

    [Fact]
    public void Applies_combines_action_resource_and_conditions()
    {
        var statement = Compile(Statement(actions: ["s3:Get*"], resources: ["arn:aws:s3:::b/*"], conditions: Cond("Bool", "aws:SecureTransport", "true")));
        var context = Context("aws:SecureTransport=true");
        context.Action = "s3:GetObject";
        context.Resource = "arn:aws:s3:::b/k";
        Assert.True(statement.Applies(context, null));
        context.Action = "s3:PutObject";
        Assert.False(statement.Applies(context, null));
        context.Action = "s3:GetObject";
        context.Resource = "arn:aws:s3:::c/k";
        Assert.False(statement.Applies(context, null));
        context.Resource = "arn:aws:s3:::b/k";
        context.Keys.Set("aws:SecureTransport", "false");
        Assert.False(statement.Applies(context, null));
    }
}
