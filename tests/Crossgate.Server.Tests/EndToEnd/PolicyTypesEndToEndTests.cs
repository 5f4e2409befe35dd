using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Examples;

namespace Crossgate.Server.Tests.EndToEnd;

/// <summary>A new organization enables no policy type, as on AWS: SCPs can be attached, and restrict member
/// accounts, only after <c>EnablePolicyType</c>; <c>DisablePolicyType</c> lifts them again. Driven through the real
/// host by the outsider account, which creates an organization of its own.</summary>
public sealed class PolicyTypesEndToEndTests : IAsyncLifetime
{
    private const string Owner = ExampleOrganization.Outsider;
    private const string Scp = "SERVICE_CONTROL_POLICY";

    private DirectoryServerFixture _server = null!;

    public async Task InitializeAsync() => _server = await DirectoryServerFixture.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Scps_apply_only_while_their_type_is_enabled()
    {
        var root = _server.OutsiderRoot;
        Assert.Equal(HttpStatusCode.OK, (await _server.OrganizationsAsync(root, "CreateOrganization", """{"FeatureSet":"ALL"}""")).Status);
        var (_, roots) = await _server.OrganizationsAsync(root, "ListRoots");
        var rootId = roots.GetProperty("Roots")[0].GetProperty("Id").GetString()!;
        Assert.Empty(roots.GetProperty("Roots")[0].GetProperty("PolicyTypes").EnumerateArray());

        var member = await CreateMemberAccountAsync(root);
        (await _server.Services.Iam.CreateUserAsync(Owner, "admin")).GetValueOrThrow();
        (await _server.Services.Iam.AttachUserPolicyAsync(Owner, "admin", "arn:aws:iam::aws:policy/AdministratorAccess")).GetValueOrThrow();
        var admin = await _server.UserKeyAsync(Owner, "admin");
        Credentials session;
        using (var sts = _server.Sts(admin))
        {
            session = (await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = $"arn:aws:iam::{member}:role/OrganizationAccountAccessRole", RoleSessionName = "setup",
            })).Credentials;
        }

        var inMember = new SessionAWSCredentials(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);

        // No SCP is attached anywhere and none is evaluated: the member's administrator may act.
        Assert.Equal(HttpStatusCode.OK, (await _server.IamAsync(inMember, "ListUsers")).Status);

        var deny = JsonSerializer.Serialize(new
        {
            Content = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"iam:ListUsers","Resource":"*"}]}""",
            Description = "no listing", Name = "NoListUsers", Type = Scp,
        });
        var (created, policy) = await _server.OrganizationsAsync(root, "CreatePolicy", deny);
        Assert.Equal(HttpStatusCode.OK, created);
        var policyId = policy.GetProperty("Policy").GetProperty("PolicySummary").GetProperty("Id").GetString()!;
        var attachBody = $$"""{"PolicyId":"{{policyId}}","TargetId":"{{member}}"}""";
        var (refusedStatus, refused) = await _server.OrganizationsAsync(root, "AttachPolicy", attachBody);
        Assert.Equal(HttpStatusCode.BadRequest, refusedStatus);
        Assert.Equal("PolicyTypeNotEnabledException", refused.GetProperty("__type").GetString());

        var (_, enabled) = await _server.OrganizationsAsync(root, "EnablePolicyType", $$"""{"RootId":"{{rootId}}","PolicyType":"{{Scp}}"}""");
        var types = enabled.GetProperty("Root").GetProperty("PolicyTypes");
        Assert.Equal(Scp, types[0].GetProperty("Type").GetString());
        Assert.Equal("ENABLED", types[0].GetProperty("Status").GetString());
        var (_, targets) = await _server.OrganizationsAsync(root, "ListTargetsForPolicy", """{"PolicyId":"p-FullAWSAccess"}""");
        Assert.Equal(
            new[] { rootId, Owner, member }.Order(StringComparer.Ordinal),
            targets.GetProperty("Targets").EnumerateArray().Select(t => t.GetProperty("TargetId").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await _server.IamAsync(inMember, "ListUsers")).Status);
        var (_, again) = await _server.OrganizationsAsync(root, "EnablePolicyType", $$"""{"RootId":"{{rootId}}","PolicyType":"{{Scp}}"}""");
        Assert.Equal("PolicyTypeAlreadyEnabledException", again.GetProperty("__type").GetString());

        Assert.Equal(HttpStatusCode.OK, (await _server.OrganizationsAsync(root, "AttachPolicy", attachBody)).Status);
        var (deniedStatus, denied) = await _server.IamAsync(inMember, "ListUsers");
        Assert.Equal(HttpStatusCode.Forbidden, deniedStatus);
        Assert.Contains("explicit deny in a service control policy", denied.Descendants().Single(e => e.Name.LocalName == "Message").Value);

        var (_, disabled) = await _server.OrganizationsAsync(root, "DisablePolicyType", $$"""{"RootId":"{{rootId}}","PolicyType":"{{Scp}}"}""");
        Assert.Empty(disabled.GetProperty("Root").GetProperty("PolicyTypes").EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await _server.IamAsync(inMember, "ListUsers")).Status);
        var (_, noTargets) = await _server.OrganizationsAsync(root, "ListTargetsForPolicy", $$"""{"PolicyId":"{{policyId}}"}""");
        Assert.Empty(noTargets.GetProperty("Targets").EnumerateArray());
    }

    /// <summary>Creates an account and polls its request until it has succeeded, as clients of AWS do.</summary>
    private async Task<string> CreateMemberAccountAsync(AWSCredentials root)
    {
        var (_, created) = await _server.OrganizationsAsync(root, "CreateAccount", """{"Email":"member@example.org","AccountName":"Member"}""");
        var requestId = created.GetProperty("CreateAccountStatus").GetProperty("Id").GetString()!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var (_, status) = await _server.OrganizationsAsync(root, "DescribeCreateAccountStatus", $$"""{"CreateAccountRequestId":"{{requestId}}"}""");
            var state = status.GetProperty("CreateAccountStatus");
            if (state.GetProperty("State").GetString() == "SUCCEEDED")
            {
                return state.GetProperty("AccountId").GetString()!;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("CreateAccount did not succeed");
    }
}
