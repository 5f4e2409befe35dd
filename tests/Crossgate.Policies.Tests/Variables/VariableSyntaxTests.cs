using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Variables;

public class VariableSyntaxTests
{
    private static bool StringEqualsHolds(string policyValue, string requestValue, params string[] keys)
    {
        var context = Context(keys);
        context.Keys.Set("k", requestValue);
        return WithConditions(Cond("StringEquals", "k", policyValue)).MatchesConditions(context, null);
    }

    [Theory]
    [InlineData("${aws:userid, 'guest'}", "guest", true, "documented form: comma, space, quoted default")]
    [InlineData("${aws:userid,'guest'}", "guest", true, "tolerated: no space after the comma")]
    [InlineData("${ aws:username }", "bob", true, "tolerated: spaces around the key")]
    [InlineData("${aws:username, guest}", "${aws:username, guest}", true, "unquoted default: not a variable, plain text")]
    [InlineData("${}", "${}", true, "empty variable: plain text")]
    [InlineData("${aws:username", "${aws:username", true, "unclosed: plain text")]
    [InlineData("x${aws:username}y${aws:username}z", "xbobybobz", true, "several variables in one value")]
    [InlineData("${aws:username, ''}", "bob", true, "empty default ignored when the key is present")]
    [InlineData("${missing, ''}", "", true, "empty default used when the key is absent")]
    [InlineData("${$}{aws:username}", "${aws:username}", true, "${$} escapes a variable")]
    [InlineData("$${aws:username}", "$bob", true, "a lone $ before a variable is text")]
    public void Syntax(string policyValue, string requestValue, bool expected, string rule)
    {
        Assert.True(expected == StringEqualsHolds(policyValue, requestValue, "aws:username=bob"), rule);
    }
}
