using Crossgate.Policies.Evaluation;
using static Crossgate.Policies.Tests.Principals.PrincipalMatchingTests;

namespace Crossgate.Policies.Tests.Principals;

public class NotPrincipalTests
{
    private const string Account = "arn:aws:iam::111122223333:root";
    private const string BobArn = "arn:aws:iam::111122223333:user/division/Bob";
    private const string RoleArn = "arn:aws:iam::111122223333:role/ops/Admin";
    private const string SessionArn = "arn:aws:sts::111122223333:assumed-role/Admin/alice";

    [Theory]
    [InlineData("stranger", PrincipalMatch.NotPrincipal, "callers not listed are matched")]
    [InlineData("bob", PrincipalMatch.None, "a listed user (with its account) is exempt")]
    [InlineData("root", PrincipalMatch.None, "the listed account's root is exempt")]
    [InlineData("anonymous", PrincipalMatch.NotPrincipal, "anonymous callers are matched")]
    [InlineData("ec2", PrincipalMatch.NotPrincipal, "services not listed are matched")]
    public void User_and_account_listed(string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(Aws(BobArn, Account), caller, not: true), rule);
    }

    [Theory]
    [InlineData("bob", PrincipalMatch.NotPrincipal, "layered: a user listed without its account is still denied (AWS checks the account first)")]
    [InlineData("root", PrincipalMatch.NotPrincipal, "root not exempt")]
    public void User_listed_without_account(string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(Aws(BobArn), caller, not: true), rule);
    }

    [Theory]
    [InlineData(new[] { SessionArn, RoleArn, Account }, "session", PrincipalMatch.None, "session + role + account listed: exempt")]
    [InlineData(new[] { SessionArn, Account }, "session", PrincipalMatch.NotPrincipal, "role missing: the session is denied through its role")]
    [InlineData(new[] { SessionArn, RoleArn }, "session", PrincipalMatch.NotPrincipal, "account missing: denied through the account")]
    [InlineData(new[] { RoleArn, Account }, "session", PrincipalMatch.NotPrincipal, "session missing: that session is denied")]
    [InlineData(new[] { SessionArn, RoleArn, Account }, "bob", PrincipalMatch.NotPrincipal, "other principals of the account are denied")]
    [InlineData(new[] { "*" }, "stranger", PrincipalMatch.None, "NotPrincipal * exempts everyone")]
    [InlineData(new[] { "*" }, "anonymous", PrincipalMatch.None, "NotPrincipal * exempts anonymous too")]
    public void Session_layers(string[] entries, string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(Aws(entries), caller, not: true), rule);
    }

    [Fact]
    public void NotPrincipal_service()
    {
        var set = new PrincipalSet { Service = ["ec2.amazonaws.com"] };
        Assert.Equal(PrincipalMatch.None, Match(set, "ec2", not: true));
        Assert.Equal(PrincipalMatch.NotPrincipal, Match(set, "bob", not: true));
    }
}
