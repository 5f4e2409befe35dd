using System.Net;
using System.Xml.Linq;

namespace Crossgate.Server.Tests.Iam;

/// <summary>IAM's policy simulator answers differently from live AWS, and the endpoint's SimulatePrincipalPolicy /
/// SimulateCustomPolicy answer as the simulator does; live calls keep AWS's enforcement.</summary>
public sealed class PolicySimulatorFidelityTests
{
    private const string AllowAssume = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"arn:aws:iam::111122223333:role/target"}]}""";
    private const string TrustsNobody = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},"Action":"sts:AssumeRole"}]}""";
    private const string TrustsAdmin = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/admin"},"Action":"sts:AssumeRole"}]}""";

    private static string Decision(IamReply reply) =>
        reply.Members("EvaluationResults").Single().Element(IamTestHost.Ns + "EvalDecision")!.Value;

    [Fact]
    public async Task A_trust_policy_counts_only_when_passed_as_ResourcePolicy()
    {
        await using var host = await IamTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("CreateRole", ("RoleName", "target"), ("AssumeRolePolicyDocument", TrustsNobody))).Status);

        // The stored trust policy admits nobody here, but the simulator does not read it.
        var simulated = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", AllowAssume),
            ("ActionNames.member.1", "sts:AssumeRole"), ("ResourceArns.member.1", "arn:aws:iam::111122223333:role/target"));
        Assert.True(simulated.Status == HttpStatusCode.OK, simulated.Text);
        Assert.Equal("allowed", Decision(simulated));

        var withTrust = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", AllowAssume), ("ResourcePolicy", TrustsNobody),
            ("CallerArn", "arn:aws:iam::111122223333:user/admin"),
            ("ActionNames.member.1", "sts:AssumeRole"), ("ResourceArns.member.1", "arn:aws:iam::111122223333:role/target"));
        Assert.True(withTrust.Status == HttpStatusCode.OK, withTrust.Text);
        Assert.Equal("implicitDeny", Decision(withTrust));

        var trusted = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", AllowAssume), ("ResourcePolicy", TrustsAdmin),
            ("CallerArn", "arn:aws:iam::111122223333:user/admin"),
            ("ActionNames.member.1", "sts:AssumeRole"), ("ResourceArns.member.1", "arn:aws:iam::111122223333:role/target"));
        Assert.Equal("allowed", Decision(trusted));
    }

    [Fact]
    public async Task A_resource_in_another_account_needs_no_resource_policy_in_the_simulation()
    {
        await using var host = await IamTestHost.StartAsync();
        const string allowQueue = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:444455556666:queue"}]}""";
        var reply = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", allowQueue),
            ("ActionNames.member.1", "sqs:SendMessage"), ("ResourceArns.member.1", "arn:aws:sqs:us-east-1:444455556666:queue"));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        Assert.Equal("allowed", Decision(reply));
    }

    [Fact]
    public async Task ResourceArns_star_or_none_is_the_literal_resource_star()
    {
        await using var host = await IamTestHost.StartAsync();
        const string specific = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}""";
        var star = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", specific),
            ("ActionNames.member.1", "s3:GetObject"), ("ResourceArns.member.1", "*"));
        Assert.Equal("implicitDeny", Decision(star));
        var none = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", specific), ("ActionNames.member.1", "s3:GetObject"));
        Assert.Equal("implicitDeny", Decision(none));
        Assert.Equal("*", none.Members("EvaluationResults").Single().Element(IamTestHost.Ns + "EvalResourceName")!.Value);
    }

    [Fact]
    public async Task GetCallerIdentity_is_allowed_in_the_simulation_even_under_an_explicit_deny()
    {
        await using var host = await IamTestHost.StartAsync();
        const string denyAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}""";
        var reply = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", denyAll), ("ActionNames.member.1", "sts:GetCallerIdentity"));
        Assert.Equal("allowed", Decision(reply));
        var principal = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:user/nobody"), ("ActionNames.member.1", "sts:GetCallerIdentity"));
        Assert.Equal("allowed", Decision(principal));
    }

    [Fact]
    public async Task Every_missing_context_value_is_listed()
    {
        await using var host = await IamTestHost.StartAsync();
        const string conditional = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"x"},"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""";
        var reply = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", conditional), ("ActionNames.member.1", "s3:GetObject"));
        var missing = reply.Members("EvaluationResults").Single().Element(IamTestHost.Ns + "MissingContextValues")!.Elements().Select(e => e.Value).ToList();
        Assert.Contains("aws:PrincipalTag/team", missing);
        Assert.Contains("aws:MultiFactorAuthPresent", missing);
    }
}
