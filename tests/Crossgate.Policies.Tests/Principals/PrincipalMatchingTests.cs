using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;
using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Principals;

public class PrincipalMatchingTests
{
    private const string Acct = "111122223333";

    internal static readonly PrincipalIdentity Root = new() { Kind = PrincipalKind.Root, Arn = $"arn:aws:iam::{Acct}:root", AccountId = Acct };
    internal static readonly PrincipalIdentity Bob = new() { Kind = PrincipalKind.User, Arn = $"arn:aws:iam::{Acct}:user/division/Bob", AccountId = Acct };
    internal static readonly PrincipalIdentity Session = new()
    {
        Kind = PrincipalKind.AssumedRole,
        Arn = $"arn:aws:sts::{Acct}:assumed-role/Admin/alice",
        AccountId = Acct,
        RoleArn = $"arn:aws:iam::{Acct}:role/ops/Admin",
    };
    internal static readonly PrincipalIdentity SessionWithoutRoleArn = new()
    {
        Kind = PrincipalKind.AssumedRole,
        Arn = $"arn:aws:sts::{Acct}:assumed-role/Admin/alice",
        AccountId = Acct,
    };
    internal static readonly PrincipalIdentity FedUser = new() { Kind = PrincipalKind.FederatedUser, Arn = $"arn:aws:sts::{Acct}:federated-user/carol", AccountId = Acct };
    internal static readonly PrincipalIdentity Ec2 = new() { Kind = PrincipalKind.Service, Arn = "ec2.amazonaws.com", ServiceName = "ec2.amazonaws.com" };
    internal static readonly PrincipalIdentity WebIdentity = new() { Kind = PrincipalKind.Anonymous, Arn = "", FederatedProvider = "accounts.google.com" };
    internal static readonly PrincipalIdentity Anonymous = new() { Kind = PrincipalKind.Anonymous, Arn = "" };
    internal static readonly PrincipalIdentity Stranger = new() { Kind = PrincipalKind.User, Arn = "arn:aws:iam::999999999999:user/Eve", AccountId = "999999999999" };

    internal static readonly Dictionary<string, PrincipalIdentity?> Callers = new()
    {
        ["root"] = Root,
        ["bob"] = Bob,
        ["session"] = Session,
        ["session-no-role-arn"] = SessionWithoutRoleArn,
        ["feduser"] = FedUser,
        ["ec2"] = Ec2,
        ["web"] = WebIdentity,
        ["anonymous"] = Anonymous,
        ["null"] = null,
        ["stranger"] = Stranger,
    };

    internal static PrincipalSet Aws(params string[] entries) => new() { Aws = ImmutableArray.Create(entries) };

    internal static PrincipalMatch Match(PrincipalSet set, string caller, bool not = false) =>
        Compile(Statement(principal: set, notPrincipal: not, noResource: true), kind: PolicyKind.Trust).MatchPrincipal(Callers[caller]);

    [Theory]
    [InlineData("111122223333", "bob", PrincipalMatch.Account, "account id names every principal of the account")]
    [InlineData("111122223333", "root", PrincipalMatch.Account, "account id names the root user")]
    [InlineData("111122223333", "session", PrincipalMatch.Account, "account id names role sessions")]
    [InlineData("111122223333", "feduser", PrincipalMatch.Account, "account id names federated users")]
    [InlineData("111122223333", "stranger", PrincipalMatch.None, "account id does not name other accounts")]
    [InlineData("111122223333", "anonymous", PrincipalMatch.None, "account id does not name anonymous callers")]
    [InlineData("111122223333", "ec2", PrincipalMatch.None, "account id does not name services")]
    [InlineData("arn:aws:iam::111122223333:root", "bob", PrincipalMatch.Account, "root ARN means the account, not only the root user")]
    [InlineData("arn:aws:iam::111122223333:root", "session", PrincipalMatch.Account, "root ARN names sessions of the account")]
    [InlineData("arn:aws-cn:iam::111122223333:root", "bob", PrincipalMatch.None, "another partition is another account")]
    [InlineData("arn:aws:iam::111122223333:user/division/Bob", "bob", PrincipalMatch.User, "user ARN")]
    [InlineData("arn:aws:iam::111122223333:user/division/bob", "bob", PrincipalMatch.None, "user names are case-sensitive in Principal")]
    [InlineData("arn:aws:iam::111122223333:user/Bob", "bob", PrincipalMatch.None, "user ARN path must match")]
    [InlineData("arn:aws:iam::111122223333:user/division/Bob", "session", PrincipalMatch.None, "user ARN does not name a session")]
    [InlineData("arn:aws:iam::111122223333:role/ops/Admin", "session", PrincipalMatch.Role, "role ARN names its sessions")]
    [InlineData("arn:aws:iam::111122223333:role/Admin", "session", PrincipalMatch.None, "role ARN must be the session's role ARN (path included) when known")]
    [InlineData("arn:aws:iam::111122223333:role/ops/Admin", "session-no-role-arn", PrincipalMatch.Role, "without RoleArn: account + role name from the session ARN")]
    [InlineData("arn:aws:iam::111122223333:role/Other", "session-no-role-arn", PrincipalMatch.None, "different role name")]
    [InlineData("arn:aws:iam::111122223333:role/ops/Admin", "bob", PrincipalMatch.None, "role ARN does not name a user")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin/alice", "session", PrincipalMatch.Session, "session ARN")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin/mallory", "session", PrincipalMatch.None, "other session of the same role")]
    [InlineData("arn:aws:sts::111122223333:federated-user/carol", "feduser", PrincipalMatch.FederatedUser, "federated-user ARN")]
    [InlineData("arn:aws:sts::111122223333:federated-user/dave", "feduser", PrincipalMatch.None, "other federated user")]
    [InlineData("*", "bob", PrincipalMatch.Wildcard, "{\"AWS\":\"*\"} names everyone")]
    [InlineData("*", "anonymous", PrincipalMatch.Wildcard, "{\"AWS\":\"*\"} includes anonymous")]
    [InlineData("arn:aws:iam::111122223333:role/*", "session", PrincipalMatch.None, "no partial wildcards in principals")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/Admin/*", "session", PrincipalMatch.None, "no session wildcard")]
    [InlineData("arn:aws:iam::*:root", "bob", PrincipalMatch.None, "no account wildcard")]
    [InlineData("11112222333", "bob", PrincipalMatch.None, "an 11-digit id is not an account")]
    [InlineData("arn:aws:iam::111122223333:group/G", "bob", PrincipalMatch.None, "groups cannot be principals")]
    public void Aws_entries(string entry, string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(Aws(entry), caller), $"{rule}: got {Match(Aws(entry), caller)}");
    }

    [Theory]
    [InlineData("bob", PrincipalMatch.Wildcard, "Principal \"*\" names users")]
    [InlineData("root", PrincipalMatch.Wildcard, "names root")]
    [InlineData("ec2", PrincipalMatch.Wildcard, "names services")]
    [InlineData("anonymous", PrincipalMatch.Wildcard, "names anonymous callers")]
    [InlineData("null", PrincipalMatch.Wildcard, "names a null (anonymous) caller")]
    public void Star(string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(PrincipalSet.Wildcard, caller), rule);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", "ec2", PrincipalMatch.Service, "service principal")]
    [InlineData("lambda.amazonaws.com", "ec2", PrincipalMatch.None, "other service")]
    [InlineData("ec2.amazonaws.com", "bob", PrincipalMatch.None, "service entry does not name users")]
    public void Service(string entry, string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(new PrincipalSet { Service = [entry] }, caller), rule);
    }

    [Theory]
    [InlineData("accounts.google.com", "web", PrincipalMatch.Federated, "OIDC provider")]
    [InlineData("cognito-identity.amazonaws.com", "web", PrincipalMatch.None, "other provider")]
    [InlineData("accounts.google.com", "anonymous", PrincipalMatch.None, "plain anonymous caller has no provider")]
    public void Federated(string entry, string caller, PrincipalMatch expected, string rule)
    {
        Assert.True(expected == Match(new PrincipalSet { Federated = [entry] }, caller), rule);
    }

    [Theory]
    [InlineData("bob", PrincipalMatch.User, "the caller's own ARN wins over its account")]
    [InlineData("session", PrincipalMatch.Session, "the session ARN wins over role and account")]
    [InlineData("session-no-role-arn", PrincipalMatch.Session, "session ARN wins without RoleArn too")]
    [InlineData("root", PrincipalMatch.Account, "root is named by its account")]
    [InlineData("stranger", PrincipalMatch.None, "nobody else")]
    public void Most_direct_entry_wins(string caller, PrincipalMatch expected, string rule)
    {
        var set = Aws("111122223333", "arn:aws:iam::111122223333:role/ops/Admin", "arn:aws:sts::111122223333:assumed-role/Admin/alice", "arn:aws:iam::111122223333:user/division/Bob");
        Assert.True(expected == Match(set, caller), rule);
    }

    [Fact]
    public void Role_beats_account()
    {
        Assert.Equal(PrincipalMatch.Role, Match(Aws("111122223333", "arn:aws:iam::111122223333:role/ops/Admin"), "session"));
    }

    [Fact]
    public void No_principal_element_is_not_applicable()
    {
        Assert.Equal(PrincipalMatch.NotApplicable, Compile(Statement()).MatchPrincipal(Bob));
    }
}
