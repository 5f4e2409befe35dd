using System.Text.Json;
using Crossgate.Testing;

namespace Crossgate.Cli.Tests.Accounts;

/// <summary>add, check and discover against an in-process endpoint answering like AWS: account B's role can be
/// assumed and lacks one action; C's trust refuses the platform; D's account is suspended.</summary>
public sealed class AccountsEndpointCommandTests : IDisposable
{
    private const string RoleB = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private const string RoleC = "arn:aws:iam::333333333333:role/PlatformResponseRole";
    private const string SessionKeyB = "ASIASESSIONOFROLEB01";

    private const string Profile = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"Inventory","Effect":"Allow","Action":["ec2:DescribeInstances","s3:ListAllMyBuckets"],"Resource":"*"},
      {"Sid":"Snapshots","Effect":"Allow","Action":"ec2:CreateSnapshot","Resource":"*"},
      {"Sid":"Ssm","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*"}
    ]}
    """;

    private readonly AccountsWorkspace _ws = new();
    private readonly FakeAwsEndpoint _aws;

    public AccountsEndpointCommandTests()
    {
        _aws = new FakeAwsEndpoint(Answer);
    }

    public void Dispose()
    {
        _aws.Dispose();
        _ws.Dispose();
    }

    private static FakeAwsResponse Answer(FakeAwsRequest request)
    {
        if (request.Target?.EndsWith(".ListAccounts", StringComparison.Ordinal) == true)
        {
            return FakeAwsResponse.Json("""
                {"Accounts":[
                  {"Id":"222222222222","Name":"Target B","Status":"ACTIVE"},
                  {"Id":"333333333333","Name":"Target C","Status":"ACTIVE"},
                  {"Id":"555555555555","Name":"Old","Status":"SUSPENDED"}]}
                """);
        }

        return request.Action switch
        {
            "GetCallerIdentity" => FakeAwsResponse.CallerIdentity("arn:aws:iam::111111111111:user/platform"),
            "AssumeRole" when request["RoleArn"] == RoleB && request.AccessKeyId == AccountsWorkspace.PlatformKeyId =>
                FakeAwsResponse.AssumeRoleOk(RoleB, request["RoleSessionName"]!, SessionKeyB),
            "AssumeRole" => FakeAwsResponse.QueryError(403, "AccessDenied",
                $"User: arn:aws:iam::111111111111:user/platform is not authorized to perform: sts:AssumeRole on resource: {request["RoleArn"]}"),
            "SimulatePrincipalPolicy" when request.AccessKeyId == SessionKeyB && request["PolicySourceArn"] == RoleB => Simulate(request),
            _ => FakeAwsResponse.QueryError(403, "AccessDenied", $"unexpected {request.Action} signed by {request.AccessKeyId}"),
        };
    }

    /// <summary>B's role: everything but s3:ListAllMyBuckets, and SendCommand only on tagged instances.</summary>
    private static FakeAwsResponse Simulate(FakeAwsRequest request)
    {
        var actions = request.Form.Where(p => p.Key.StartsWith("ActionNames.member.", StringComparison.Ordinal)).Select(p => p.Value);
        var resource = request["ResourceArns.member.1"] ?? "*";
        return FakeAwsResponse.Simulation(actions.Select(a => a switch
        {
            "s3:ListAllMyBuckets" => (a, resource, "implicitDeny", Array.Empty<string>()),
            "ssm:SendCommand" => (a, resource, "implicitDeny", new[] { "aws:ResourceTag/SSMEnabled" }),
            _ => (a, resource, "allowed", Array.Empty<string>()),
        }));
    }

    private (int ExitCode, string Output, string Error) Accounts(params string[] args) =>
        _ws.Accounts([.. args, "--endpoint-url", _aws.Url.ToString()]);

    [Fact]
    public void Add_refuses_a_role_that_cannot_be_assumed_and_says_why()
    {
        var (code, _, error) = Accounts("add", "--role-arn", RoleC, "--alias", "c");

        Assert.Equal(1, code);
        Assert.Contains("Not registered", error);
        Assert.Contains("it must name account 111111111111 (arn:aws:iam::111111111111:root)", error);
        Assert.Contains("none is registered: register the account with the external id", error);
        Assert.Contains("[]", _ws.Accounts("list", "--output", "json").Output);
    }

    [Fact]
    public void Add_proves_the_role_then_checks_the_account_with_the_roles_own_session()
    {
        var profile = _ws.WriteFile("profile.json", Profile);

        var (code, output, _) = Accounts("add", "--role-arn", RoleB, "--alias", "b", "--permissions", profile, "--output", "json");

        Assert.Equal(1, code); // Inventory lacks s3:ListAllMyBuckets (partial); Ssm is only conditional.
        Assert.Contains("Registered 'b'", output);
        Assert.Contains(_aws.Requests, r => r.Action == "SimulatePrincipalPolicy" && r.AccessKeyId == SessionKeyB);
        Assert.Contains("1 granted, 1 conditional, 1 partial", _ws.Accounts("show", "b").Output);
    }

    [Fact]
    public void Add_with_skip_account_check_only_registers()
    {
        var (code, output, _) = Accounts("add", "--role-arn", RoleB, "--alias", "b", "--skip-account-check", "--permissions", "ignored.json");

        Assert.Equal(0, code);
        Assert.Contains("(assumable)", output);
        Assert.DoesNotContain(_aws.Requests, r => r.Action == "SimulatePrincipalPolicy");
    }

    [Fact]
    public void Check_reports_each_account_in_the_documented_json_shape()
    {
        var profile = _ws.WriteFile("profile.json", Profile);
        _ws.Accounts("add", "--role-arn", RoleB, "--alias", "b", "--no-check");
        _ws.Accounts("add", "--role-arn", RoleC, "--alias", "c", "--no-check");

        var (code, output, error) = Accounts("check", "--permissions", profile, "--optional", "Ssm", "--output", "json");

        Assert.True(code == 1, error);
        var accounts = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, accounts.GetArrayLength());
        var b = accounts[0];
        Assert.Equal(["alias", "accountId", "roleArn", "verdict", "assumable", "reason", "assumeRoleMilliseconds", "groups"], b.EnumerateObject().Select(p => p.Name));
        Assert.True(b.GetProperty("assumeRoleMilliseconds").GetDouble() > 0);
        Assert.Equal("incomplete", b.GetProperty("verdict").GetString());
        Assert.True(b.GetProperty("assumable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, b.GetProperty("reason").ValueKind);
        var groups = b.GetProperty("groups");
        Assert.Equal(["sid", "status", "optional", "missingActions", "conditions", "reasons"], groups[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["partial", "granted", "conditional"], groups.EnumerateArray().Select(g => g.GetProperty("status").GetString()));
        Assert.Equal(["s3:ListAllMyBuckets"], groups[0].GetProperty("missingActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["requires aws:ResourceTag/SSMEnabled"], groups[2].GetProperty("conditions").EnumerateArray().Select(a => a.GetString()));

        var c = accounts[1];
        Assert.False(c.GetProperty("assumable").GetBoolean());
        Assert.Contains("AccessDenied", c.GetProperty("reason").GetString());
        Assert.True(c.GetProperty("assumeRoleMilliseconds").GetDouble() > 0); // STS answered, with a refusal
        Assert.All(c.GetProperty("groups").EnumerateArray(), g => Assert.Equal("notChecked", g.GetProperty("status").GetString()));
    }

    [Fact]
    public void Check_exits_0_when_every_required_group_is_granted()
    {
        var profile = _ws.WriteFile("profile.json", Profile);
        _ws.Accounts("add", "--role-arn", RoleB, "--alias", "b", "--no-check");

        Assert.Equal(1, Accounts("check", "b", "--permissions", profile, "--optional", "Ssm").ExitCode);
        var (code, output, _) = Accounts("check", "b", "--permissions", profile, "--optional", "Ssm", "--optional", "Inventory");
        Assert.Equal(0, code);
        Assert.Contains("Snapshots", output);
        Assert.Contains("granted", output);
    }

    [Fact]
    public void Discover_registers_the_accounts_that_worked_and_says_why_the_others_did_not()
    {
        var (code, output, error) = Accounts("discover", "--role-name", "PlatformResponseRole", "--output", "json");

        Assert.True(code == 1, error);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("accountId").GetString()!);
        Assert.True(rows["222222222222"].GetProperty("worked").GetBoolean());
        Assert.False(rows["333333333333"].GetProperty("worked").GetBoolean());
        Assert.Contains("Likely causes", rows["333333333333"].GetProperty("reason").GetString());
        Assert.Contains("suspended", rows["555555555555"].GetProperty("reason").GetString());

        var registered = JsonDocument.Parse(_ws.Accounts("list", "--output", "json").Output).RootElement;
        Assert.Equal([RoleB], registered.EnumerateArray().Select(a => a.GetProperty("roleArn").GetString()));

        // Run again: B is already registered, C still fails.
        var (_, table, _) = Accounts("discover", "--role-name", "PlatformResponseRole");
        Assert.Contains("already registered as 'Target-B'", table);
        Assert.Contains("Target C", table);
    }

    [Fact]
    public void A_bad_endpoint_url_is_a_usage_error()
    {
        var (code, _, error) = _ws.Accounts("discover", "--role-name", "R", "--endpoint-url", "not a url");

        Assert.Equal(2, code);
        Assert.Contains("is not an http(s) URL", error);
    }
}
