using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Variables;

public class PolicyVariableTests
{
    private static bool ResourceMatches(string pattern, string resource, string? version = "2012-10-17", params string[] keys)
    {
        var statement = Compile(Statement(resources: [pattern]), version);
        var context = Context(keys);
        context.Resource = resource;
        return statement.MatchesResource(context);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::bucket/bob/file", "aws:username=bob", true, "${aws:username} substituted in the resource part")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::bucket/alice/file", "aws:username=bob", false, "other user's prefix")]
    [InlineData("arn:aws:s3:::bucket/${AWS:UserName}/*", "arn:aws:s3:::bucket/bob/file", "aws:username=bob", true, "variable key names are case-insensitive")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}", "arn:aws:s3:::bucket/Bob", "aws:username=bob", false, "substituted value compared case-sensitively")]
    [InlineData("arn:aws:s3:::bucket/${aws:PrincipalTag/team}/*", "arn:aws:s3:::bucket/red/x", "aws:PrincipalTag/team=red", true, "${aws:PrincipalTag/k}")]
    [InlineData("arn:aws:s3:::bucket/${aws:principaltag/TEAM}/*", "arn:aws:s3:::bucket/red/x", "aws:PrincipalTag/team=red", true, "tag key in variable is case-insensitive")]
    [InlineData("arn:aws:sqs:us-east-2:*:${aws:username}-queue", "arn:aws:sqs:us-east-2:1:bob-queue", "aws:username=bob", true, "docs example: ${aws:username}-queue")]
    [InlineData("arn:aws:s3:::bucket/${s3:prefix}", "arn:aws:s3:::bucket/p", "s3:prefix=p", true, "any single-valued key may be a variable")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}/*", "arn:aws:s3:::bucket/bob/x", "", false, "missing key without default -> entry never matches")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}*", "arn:aws:s3:::bucket/anything", "", false, "missing key: no match even with a wildcard around it")]
    [InlineData("arn:aws:s3:::bucket/${aws:userid, 'anonymous'}/*", "arn:aws:s3:::bucket/anonymous/x", "", true, "default value used when the key is missing")]
    [InlineData("arn:aws:s3:::bucket/${aws:userid, 'anonymous'}/*", "arn:aws:s3:::bucket/AIDA1/x", "aws:userid=AIDA1", true, "default ignored when the key is present")]
    [InlineData("arn:aws:s3:::bucket/${aws:TagKeys}", "arn:aws:s3:::bucket/a", "aws:TagKeys=[a]", false, "a multi-valued key cannot be a variable")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}", "arn:aws:s3:::bucket/anything", "aws:username=*", false, "a substituted * is literal, not a wildcard")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}", "arn:aws:s3:::bucket/*", "aws:username=*", true, "a substituted * matches a literal *")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}", "arn:aws:s3:::bucket/x", "aws:username=?", false, "a substituted ? is literal")]
    [InlineData("arn:aws:s3:::bucket/a${*}b", "arn:aws:s3:::bucket/a*b", "", true, "${*} is a literal asterisk")]
    [InlineData("arn:aws:s3:::bucket/a${*}b", "arn:aws:s3:::bucket/axxb", "", false, "${*} is not a wildcard")]
    [InlineData("arn:aws:s3:::bucket/a${?}b", "arn:aws:s3:::bucket/a?b", "", true, "${?} is a literal question mark")]
    [InlineData("arn:aws:s3:::bucket/a${?}b", "arn:aws:s3:::bucket/axb", "", false, "${?} is not a wildcard")]
    [InlineData("arn:aws:s3:::bucket/${$}{x}", "arn:aws:s3:::bucket/${x}", "", true, "${$} is a literal dollar")]
    [InlineData("arn:aws:s3:::bucket/${aws:username}/*/${aws:username}", "arn:aws:s3:::bucket/bob/x/y/bob", "aws:username=bob", true, "several variables; policy * stays a wildcard")]
    [InlineData("arn:aws:s3:::bucket/${unclosed", "arn:aws:s3:::bucket/${unclosed", "", true, "an unclosed ${ is plain text")]
    public void Resource_variables(string pattern, string resource, string keys, bool expected, string rule)
    {
        Assert.True(expected == ResourceMatches(pattern, resource, "2012-10-17", keys.Length == 0 ? [] : keys.Split(';')), rule);
    }

    [Theory]
    [InlineData("2008-10-17", "arn:aws:s3:::bucket/${aws:username}", true, "2008-10-17: variable is literal text")]
    [InlineData(null, "arn:aws:s3:::bucket/${aws:username}", true, "Version omitted: variable is literal text")]
    [InlineData("2008-10-17", "arn:aws:s3:::bucket/bob", false, "2008-10-17: no substitution")]
    [InlineData("2012-10-17", "arn:aws:s3:::bucket/bob", true, "2012-10-17: substitution")]
    public void Variables_need_version_2012_10_17(string? version, string resource, bool expected, string rule)
    {
        Assert.True(expected == ResourceMatches("arn:aws:s3:::bucket/${aws:username}", resource, version, "aws:username=bob"), rule);
    }

    [Fact]
    public void Variables_before_the_fifth_colon_are_not_substituted()
    {
        // AWS: variables only in the resource part of an ARN.
        Assert.False(ResourceMatches("arn:aws:iam::${aws:PrincipalAccount}:user/x", "arn:aws:iam::123456789012:user/x", "2012-10-17", "aws:PrincipalAccount=123456789012"));
    }

    [Theory]
    [InlineData("StringEquals", "${aws:username}", "bob", "aws:username=bob", true, "variable in StringEquals")]
    [InlineData("StringEquals", "${aws:username}", "alice", "aws:username=bob", false, "variable in StringEquals, different value")]
    [InlineData("StringLike", "${aws:username}/*", "bob/docs", "aws:username=bob", true, "docs example s3:prefix ${aws:username}/*")]
    [InlineData("StringLike", "${aws:username}/*", "bob", "aws:username=bob", false, "prefix needs the slash")]
    [InlineData("StringLike", "${aws:username}", "anything", "aws:username=*", false, "substituted * literal in StringLike")]
    [InlineData("StringLike", "a${*}", "a*", "", true, "${*} literal in StringLike")]
    [InlineData("StringLike", "a${*}", "ab", "", false, "${*} not a wildcard in StringLike")]
    [InlineData("StringEqualsIgnoreCase", "${aws:username}", "BOB", "aws:username=bob", true, "variable in IgnoreCase")]
    [InlineData("StringEquals", "${aws:username}", "bob", "", false, "missing variable: positive operator false")]
    [InlineData("StringNotEquals", "${aws:username}", "bob", "", true, "missing variable: negated operator true")]
    [InlineData("StringNotEquals", "${aws:username}", "bob", "aws:username=bob", false, "negated with resolved variable")]
    [InlineData("StringEquals", "${aws:userid, 'anonymous'}", "anonymous", "", true, "default value in a condition")]
    [InlineData("StringEquals", "${aws:PrincipalTag/team}", "red", "aws:PrincipalTag/team=red", true, "tag variable in a condition")]
    [InlineData("ArnLike", "arn:aws:iam::*:user/${aws:username}", "arn:aws:iam::1:user/bob", "aws:username=bob", true, "variable in ArnLike")]
    [InlineData("ArnEquals", "arn:aws:iam::${aws:PrincipalAccount}:user/x", "arn:aws:iam::123456789012:user/x", "aws:PrincipalAccount=123456789012", true, "ARN condition values substitute in every part")]
    [InlineData("NumericEquals", "${n}", "5", "n=5", false, "no variables in Numeric operators")]
    [InlineData("DateEquals", "${d}", "2020-01-01T00:00:00Z", "d=2020-01-01T00:00:00Z", false, "no variables in Date operators")]
    public void Condition_variables(string op, string policyValue, string requestValue, string keys, bool expected, string rule)
    {
        var statement = WithConditions(Cond(op, "k", policyValue));
        var context = Context(keys.Length == 0 ? [] : keys.Split(';'));
        context.Keys.Set("k", requestValue);
        Assert.True(expected == statement.MatchesConditions(context, null), rule);
    }

    [Fact]
    public void Condition_variables_are_literal_under_2008_10_17()
    {
        var statement = Compile(Statement(conditions: Cond("StringEquals", "k", "${aws:username}")), "2008-10-17");
        Assert.True(statement.MatchesConditions(Context("k=${aws:username}", "aws:username=bob"), null));
        Assert.False(statement.MatchesConditions(Context("k=bob", "aws:username=bob"), null));
    }

    [Fact]
    public void Long_substitutions_use_a_pooled_buffer_and_still_match()
    {
        var longName = new string('n', 1000);
        Assert.True(ResourceMatches("arn:aws:s3:::bucket/${aws:username}/*", $"arn:aws:s3:::bucket/{longName}/x", "2012-10-17", $"aws:username={longName}"));
        Assert.False(ResourceMatches("arn:aws:s3:::bucket/${aws:username}/*", $"arn:aws:s3:::bucket/{longName}m/x", "2012-10-17", $"aws:username={longName}"));
    }
}
