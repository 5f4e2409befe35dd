using Crossgate.Directory.Examples;
using Crossgate.Server.Services.Organizations;

namespace Crossgate.Server.Tests.Organizations;

/// <summary>Who may call what: the engine first (identity policies, SCPs), then Organizations' own rules for
/// accounts outside the organization and for member accounts.</summary>
public sealed class OrganizationsAccessTests
{
    [Theory]
    [InlineData("ListAccounts", "{}")]
    [InlineData("ListRoots", "{}")]
    [InlineData("CreateAccount", """{"Email":"x@example.com","AccountName":"X"}""")]
    [InlineData("ListPolicies", """{"Filter":"SERVICE_CONTROL_POLICY"}""")]
    [InlineData("DescribeAccount", """{"AccountId":"222222222222"}""")]
    public async Task Member_accounts_may_not_call_management_operations(string operation, string body)
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.MemberAdmin, operation, body);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("AccessDeniedException", reply.ErrorType);
        Assert.Equal(OrganizationsErrors.MemberAccessDeniedMessage, reply.Message);
    }

    [Fact]
    public async Task Member_accounts_may_describe_their_organization()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.MemberAdmin, "DescribeOrganization");

        Assert.True(reply.Ok, reply.Text);
        Assert.Equal(server.Ids.OrganizationId, reply.Str("Organization", "Id"));
    }

    [Theory]
    [InlineData("DescribeOrganization")]
    [InlineData("ListAccounts")]
    [InlineData("ListRoots")]
    public async Task Accounts_outside_an_organization_get_not_in_use(string operation)
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.OutsiderAdmin, operation);

        Assert.Equal("AWSOrganizationsNotInUseException", reply.ErrorType);
        Assert.Equal("Your account is not a member of an organization.", reply.Message);
    }

    [Fact]
    public async Task A_user_without_permission_is_denied_by_the_engine()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.Unprivileged, "ListAccounts");

        Assert.Equal("AccessDeniedException", reply.ErrorType);
        Assert.Equal(
            $"User: {server.Unprivileged.Arn} is not authorized to perform: organizations:ListAccounts because no identity-based policy allows the organizations:ListAccounts action",
            reply.Message);
    }

    [Fact]
    public async Task Identity_policies_are_matched_against_organizations_resource_arns()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var allowedArn = $"arn:aws:organizations::{ExampleOrganization.Management}:account/{server.Ids.OrganizationId}/{ExampleOrganization.TargetB}";
        (await server.Services.Iam.PutUserPolicyAsync(ExampleOrganization.Management, "alex", "DescribeB",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:DescribeAccount","Resource":"{{allowedArn}}"}]}""")).GetValueOrThrow();

        var allowed = await server.CallAsync(server.Unprivileged, "DescribeAccount", $$"""{"AccountId":"{{ExampleOrganization.TargetB}}"}""");
        var denied = await server.CallAsync(server.Unprivileged, "DescribeAccount", $$"""{"AccountId":"{{ExampleOrganization.TargetC}}"}""");

        Assert.True(allowed.Ok, allowed.Text);
        Assert.Equal("AccessDeniedException", denied.ErrorType);
        Assert.Contains($"account/{server.Ids.OrganizationId}/{ExampleOrganization.TargetC}", denied.Message);
    }

    [Fact]
    public async Task The_workloads_scp_denies_leaving_the_organization()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.MemberAdmin, "LeaveOrganization");

        Assert.Equal("AccessDeniedException", reply.ErrorType);
        // AWS's current wording names the denying SCP's ARN to callers in its organization.
        Assert.StartsWith(
            $"User: {server.MemberAdmin.Arn} is not authorized to perform: organizations:LeaveOrganization with an explicit deny in a service control policy: arn:aws:organizations::",
            reply.Message);
        Assert.Contains($":policy/{server.Ids.OrganizationId}/service_control_policy/p-", reply.Message);
        var account = await Crossgate.Directory.Storage.DirectoryStoreExtensions.GetAccountAsync(server.Store, ExampleOrganization.TargetB);
        Assert.Equal(server.Ids.OrganizationId, account!.Value.OrganizationId);
    }

    [Fact]
    public async Task Without_the_scp_a_member_may_leave_and_the_management_account_may_not()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var detach = await server.CallAsync(server.Admin, "DetachPolicy", $$"""{"PolicyId":"{{server.Ids.DenyLeaveScpId}}","TargetId":"{{server.Ids.WorkloadsOuId}}"}""");
        Assert.True(detach.Ok, detach.Text);

        var left = await server.CallAsync(server.MemberAdmin, "LeaveOrganization");
        Assert.True(left.Ok, left.Text);
        Assert.Equal("AWSOrganizationsNotInUseException", (await server.CallAsync(server.MemberAdmin, "DescribeOrganization")).ErrorType);
        Assert.DoesNotContain(ExampleOrganization.TargetB, (await server.CallAsync(server.Admin, "ListAccounts")).Ids("Accounts"));

        Assert.Equal("MasterCannotLeaveOrganizationException", (await server.CallAsync(server.Admin, "LeaveOrganization")).ErrorType);
    }

    [Fact]
    public async Task Attaching_is_authorized_against_the_target_too()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var policyArn = $"arn:aws:organizations::{ExampleOrganization.Management}:policy/{server.Ids.OrganizationId}/service_control_policy/{server.Ids.DenyLeaveScpId}";
        (await server.Services.Iam.PutUserPolicyAsync(ExampleOrganization.Management, "alex", "AttachOnlyThePolicy",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"organizations:AttachPolicy","Resource":"{{policyArn}}"}]}""")).GetValueOrThrow();

        var reply = await server.CallAsync(server.Unprivileged, "AttachPolicy", $$"""{"PolicyId":"{{server.Ids.DenyLeaveScpId}}","TargetId":"{{server.Ids.RootId}}"}""");

        Assert.Equal("AccessDeniedException", reply.ErrorType);
        Assert.Contains($"root/{server.Ids.OrganizationId}/{server.Ids.RootId}", reply.Message);
    }
}
