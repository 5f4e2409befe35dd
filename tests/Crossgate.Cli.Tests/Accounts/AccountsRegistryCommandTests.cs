using System.Text.Json;

namespace Crossgate.Cli.Tests.Accounts;

/// <summary>Registry verbs that need no endpoint: add --no-check, list, show, remove, policy, link.</summary>
public sealed class AccountsRegistryCommandTests : IDisposable
{
    private const string RoleB = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private readonly AccountsWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Added_accounts_are_listed_shown_and_removed()
    {
        Assert.Equal(0, _ws.Accounts("add", "--role-arn", RoleB, "--alias", "target-b", "--external-id", "ext-1", "--no-check").ExitCode);
        Assert.Equal(0, _ws.Accounts("add", "--role-arn", "arn:aws:iam::333333333333:role/ops/PlatformResponseRole", "--alias", "target-c", "--no-check", "--session-duration", "1800").ExitCode);

        var (code, json, _) = _ws.Accounts("list", "--output", "json");
        Assert.Equal(0, code);
        var listed = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["target-b", "target-c"], listed.EnumerateArray().Select(a => a.GetProperty("alias").GetString()));
        Assert.Equal("333333333333", listed[1].GetProperty("accountId").GetString());
        Assert.Equal(1800, listed[1].GetProperty("sessionDuration").GetInt32());

        var (showCode, shown, _) = _ws.Accounts("show", "target-b");
        Assert.Equal(0, showCode);
        Assert.Contains(RoleB, shown);
        Assert.Contains("ext-1", shown);
        Assert.Contains("Last check:       never", shown);

        Assert.Equal(0, _ws.Accounts("remove", "target-b").ExitCode);
        var (again, _, error) = _ws.Accounts("remove", "target-b");
        Assert.Equal(2, again);
        Assert.Contains("No account is registered as 'target-b'", error);
        Assert.Equal(2, _ws.Accounts("show", "target-b").ExitCode);
    }

    [Theory]
    [InlineData("arn:aws:iam::2222:role/R", "12-digit account")]
    [InlineData("arn:aws:iam::222222222222:user/R", "not a role")]
    public void A_malformed_role_arn_is_refused_with_exit_2(string arn, string expected)
    {
        var (code, _, error) = _ws.Accounts("add", "--role-arn", arn, "--alias", "x", "--no-check");

        Assert.Equal(2, code);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_taken_alias_is_refused()
    {
        _ws.Accounts("add", "--role-arn", RoleB, "--alias", "b", "--no-check");

        var (code, _, error) = _ws.Accounts("add", "--role-arn", "arn:aws:iam::333333333333:role/R", "--alias", "B", "--no-check");

        Assert.Equal(2, code);
        Assert.Contains("already registered", error);
    }

    [Fact]
    public void The_name_fragment_rule_refuses_roles_without_it_and_says_so()
    {
        var (setCode, setOutput, _) = _ws.Accounts("policy", "--require-role-name-contains", "Platform");
        Assert.Equal(0, setCode);
        Assert.Contains("must contain 'Platform'", setOutput);

        var (code, _, error) = _ws.Accounts("add", "--role-arn", "arn:aws:iam::222222222222:role/AdminRole", "--alias", "b", "--no-check");
        Assert.Equal(2, code);
        Assert.Contains("'AdminRole' does not contain 'Platform'", error);

        Assert.Equal(0, _ws.Accounts("add", "--role-arn", RoleB, "--alias", "b", "--no-check").ExitCode);
        Assert.Contains("no required fragment", _ws.Accounts("policy", "--require-role-name-contains", "").Output);
    }

    [Fact]
    public void Link_prints_the_console_switch_role_link()
    {
        _ws.Accounts("add", "--role-arn", "arn:aws:iam::222222222222:role/ops/PlatformResponseRole", "--alias", "b", "--no-check");

        var (code, output, _) = _ws.Accounts("link", "b");

        Assert.Equal(0, code);
        Assert.Equal("https://signin.aws.amazon.com/switchrole?roleName=ops%2FPlatformResponseRole&account=222222222222&displayName=b", output.Trim());
        Assert.Equal(2, _ws.Accounts("link", "nope").ExitCode);
    }

    [Fact]
    public void Check_without_registrations_or_with_an_unknown_optional_group_is_a_usage_error()
    {
        var profile = _ws.WriteFile("profile.json", """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""");

        Assert.Equal(2, _ws.Accounts("check", "--permissions", profile, "--offline").ExitCode);
        _ws.Accounts("add", "--role-arn", RoleB, "--alias", "b", "--no-check");
        var (code, _, error) = _ws.Accounts("check", "--permissions", profile, "--optional", "Nope", "--offline");
        Assert.Equal(2, code);
        Assert.Contains("--optional names groups the profile does not have: Nope", error);
        Assert.Equal(2, _ws.Accounts("check", "--permissions", Path.Combine(_ws.Dir, "missing.json")).ExitCode);
    }
}
