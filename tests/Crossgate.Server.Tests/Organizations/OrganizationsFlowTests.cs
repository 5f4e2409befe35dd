using System.Text.Json;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Tests.Organizations;

/// <summary>The management account's administrator walks the organization: accounts, OUs, moves and SCPs.</summary>
public sealed class OrganizationsFlowTests
{
    [Fact]
    public async Task Describe_organization_and_roots()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var org = await server.CallAsync(server.Admin, "DescribeOrganization");
        Assert.True(org.Ok, org.Text);
        Assert.Equal(server.Ids.OrganizationId, org.Str("Organization", "Id"));
        Assert.Equal(ExampleOrganization.Management, org.Str("Organization", "MasterAccountId"));
        Assert.Equal($"arn:aws:organizations::{ExampleOrganization.Management}:organization/{server.Ids.OrganizationId}", org.Str("Organization", "Arn"));
        Assert.Equal("ALL", org.Str("Organization", "FeatureSet"));

        var roots = await server.CallAsync(server.Admin, "ListRoots");
        Assert.True(roots.Ok, roots.Text);
        Assert.Equal([server.Ids.RootId], roots.Ids("Roots"));
        var types = roots.Body.GetProperty("Roots")[0].GetProperty("PolicyTypes").EnumerateArray()
            .Select(t => (t.GetProperty("Type").GetString(), t.GetProperty("Status").GetString())).ToList();
        Assert.Contains(("SERVICE_CONTROL_POLICY", "ENABLED"), types);
    }

    [Fact]
    public async Task Create_account_is_in_progress_then_succeeds_with_the_access_role_trusting_the_management_account()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var created = await server.CallAsync(server.Admin, "CreateAccount", """{"Email":"new@example.com","AccountName":"New"}""");
        Assert.True(created.Ok, created.Text);
        var status = created.Body.GetProperty("CreateAccountStatus");
        Assert.Equal("IN_PROGRESS", status.GetProperty("State").GetString());
        var requestId = status.GetProperty("Id").GetString()!;
        Assert.Matches("^car-[a-z0-9]{8,32}$", requestId);
        Assert.Equal(JsonValueKind.Number, status.GetProperty("RequestedTimestamp").ValueKind);
        Assert.False(status.TryGetProperty("AccountId", out _));
        Assert.False(status.TryGetProperty("CompletedTimestamp", out _));
        var listedBefore = (await server.CallAsync(server.Admin, "ListAccounts")).Ids("Accounts");

        // Polled as clients poll AWS: IN_PROGRESS, then SUCCEEDED with the account's id.
        var states = new List<string>();
        OrganizationsServer.Reply described;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        do
        {
            described = await server.CallAsync(server.Admin, "DescribeCreateAccountStatus", $$"""{"CreateAccountRequestId":"{{requestId}}"}""");
            Assert.True(described.Ok, described.Text);
            states.Add(described.Str("CreateAccountStatus", "State"));
            if (states[^1] == "IN_PROGRESS")
            {
                await Task.Delay(200);
            }
        }
        while (states[^1] == "IN_PROGRESS" && DateTime.UtcNow < deadline);

        Assert.Equal("IN_PROGRESS", states[0]);
        Assert.Equal("SUCCEEDED", states[^1]);
        var accountId = described.Str("CreateAccountStatus", "AccountId");
        Assert.Matches("^[0-9]{12}$", accountId);
        Assert.DoesNotContain(accountId, listedBefore);
        Assert.Equal(3, listedBefore.Count);
        var completed = described.Body.GetProperty("CreateAccountStatus").GetProperty("CompletedTimestamp").GetDouble();
        Assert.True(completed > described.Body.GetProperty("CreateAccountStatus").GetProperty("RequestedTimestamp").GetDouble());

        var unknown = await server.CallAsync(server.Admin, "DescribeCreateAccountStatus", """{"CreateAccountRequestId":"car-abcdefgh12"}""");
        Assert.Equal("CreateAccountStatusNotFoundException", unknown.ErrorType);

        var account = await server.CallAsync(server.Admin, "DescribeAccount", $$"""{"AccountId":"{{accountId}}"}""");
        Assert.True(account.Ok, account.Text);
        Assert.Equal("New", account.Str("Account", "Name"));
        Assert.Equal("new@example.com", account.Str("Account", "Email"));
        Assert.Equal("CREATED", account.Str("Account", "JoinedMethod"));
        Assert.Equal("ACTIVE", account.Str("Account", "Status"));
        Assert.Equal($"arn:aws:organizations::{ExampleOrganization.Management}:account/{server.Ids.OrganizationId}/{accountId}", account.Str("Account", "Arn"));
        Assert.Equal(JsonValueKind.Number, account.Body.GetProperty("Account").GetProperty("JoinedTimestamp").ValueKind);

        var role = await server.Store.GetRoleAsync(accountId, "OrganizationAccountAccessRole");
        Assert.NotNull(role);
        Assert.Contains($"arn:aws:iam::{ExampleOrganization.Management}:root", role.Value.AssumeRolePolicyDocument);
        Assert.Contains(role.Value.AttachedPolicies, p => p.PolicyArn == "arn:aws:iam::aws:policy/AdministratorAccess");

        var accounts = await server.CallAsync(server.Admin, "ListAccounts");
        Assert.Contains(accountId, accounts.Ids("Accounts"));
    }

    [Fact]
    public async Task Create_account_validates_input()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var missing = await server.CallAsync(server.Admin, "CreateAccount", """{"AccountName":"New"}""");
        Assert.Equal("InvalidInputException", missing.ErrorType);
        Assert.Equal("INPUT_REQUIRED", missing.Str("Reason"));

        var badEmail = await server.CallAsync(server.Admin, "CreateAccount", """{"Email":"not-an-email","AccountName":"New"}""");
        Assert.Equal("INVALID_PATTERN", badEmail.Str("Reason"));
    }

    [Fact]
    public async Task Create_account_with_a_taken_email_fails_in_its_status()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var before = (await server.CallAsync(server.Admin, "ListAccounts")).Ids("Accounts");

        var reply = await server.CallAsync(server.Admin, "CreateAccount", """{"Email":"Target-B@example.com","AccountName":"Again"}""");

        Assert.True(reply.Ok, reply.Text);
        Assert.Equal("FAILED", reply.Str("CreateAccountStatus", "State"));
        Assert.Equal("EMAIL_ALREADY_EXISTS", reply.Str("CreateAccountStatus", "FailureReason"));
        Assert.False(reply.Body.GetProperty("CreateAccountStatus").TryGetProperty("AccountId", out _));
        Assert.Equal(before, (await server.CallAsync(server.Admin, "ListAccounts")).Ids("Accounts"));
    }

    [Fact]
    public async Task Units_and_moving_accounts()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var root = server.Ids.RootId;

        var unit = await server.CallAsync(server.Admin, "CreateOrganizationalUnit", $$"""{"ParentId":"{{root}}","Name":"Sandbox"}""");
        Assert.True(unit.Ok, unit.Text);
        var sandbox = unit.Str("OrganizationalUnit", "Id");
        Assert.StartsWith("ou-" + root[2..] + "-", sandbox);
        Assert.Equal($"arn:aws:organizations::{ExampleOrganization.Management}:ou/{server.Ids.OrganizationId}/{sandbox}", unit.Str("OrganizationalUnit", "Arn"));

        var duplicate = await server.CallAsync(server.Admin, "CreateOrganizationalUnit", $$"""{"ParentId":"{{root}}","Name":"Sandbox"}""");
        Assert.Equal("DuplicateOrganizationalUnitException", duplicate.ErrorType);

        var units = await server.CallAsync(server.Admin, "ListOrganizationalUnitsForParent", $$"""{"ParentId":"{{root}}"}""");
        Assert.Equal(new[] { sandbox, server.Ids.WorkloadsOuId }.Order(), units.Ids("OrganizationalUnits").Order());

        var workloadAccounts = await server.CallAsync(server.Admin, "ListAccountsForParent", $$"""{"ParentId":"{{server.Ids.WorkloadsOuId}}"}""");
        Assert.Equal([ExampleOrganization.TargetB, ExampleOrganization.TargetC], workloadAccounts.Ids("Accounts"));

        var moved = await server.CallAsync(server.Admin, "MoveAccount",
            $$"""{"AccountId":"{{ExampleOrganization.TargetC}}","SourceParentId":"{{server.Ids.WorkloadsOuId}}","DestinationParentId":"{{sandbox}}"}""");
        Assert.True(moved.Ok, moved.Text);
        Assert.Equal([ExampleOrganization.TargetC], (await server.CallAsync(server.Admin, "ListAccountsForParent", $$"""{"ParentId":"{{sandbox}}"}""")).Ids("Accounts"));
        Assert.Equal([ExampleOrganization.TargetB], (await server.CallAsync(server.Admin, "ListAccountsForParent", $$"""{"ParentId":"{{server.Ids.WorkloadsOuId}}"}""")).Ids("Accounts"));

        var wrongSource = await server.CallAsync(server.Admin, "MoveAccount",
            $$"""{"AccountId":"{{ExampleOrganization.TargetC}}","SourceParentId":"{{server.Ids.WorkloadsOuId}}","DestinationParentId":"{{root}}"}""");
        Assert.Equal("SourceParentNotFoundException", wrongSource.ErrorType);

        var noDestination = await server.CallAsync(server.Admin, "MoveAccount",
            $$"""{"AccountId":"{{ExampleOrganization.TargetC}}","SourceParentId":"{{sandbox}}","DestinationParentId":"ou-{{root[2..]}}-missing1"}""");
        Assert.Equal("DestinationParentNotFoundException", noDestination.ErrorType);

        var notMember = await server.CallAsync(server.Admin, "MoveAccount",
            $$"""{"AccountId":"{{ExampleOrganization.Outsider}}","SourceParentId":"{{root}}","DestinationParentId":"{{sandbox}}"}""");
        Assert.Equal("AccountNotFoundException", notMember.ErrorType);

        var noParent = await server.CallAsync(server.Admin, "ListAccountsForParent", """{"ParentId":"ou-zzzz-zzzzzzzz"}""");
        Assert.Equal("ParentNotFoundException", noParent.ErrorType);
    }

    [Fact]
    public async Task Policies_create_attach_list_targets_update_detach()
    {
        await using var server = await OrganizationsServer.StartAsync();
        const string content = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""";

        var created = await server.CallAsync(server.Admin, "CreatePolicy",
            JsonSerializer.Serialize(new { Content = content, Description = "No bucket deletion", Name = "DenyBucketDelete", Type = "SERVICE_CONTROL_POLICY" }));
        Assert.True(created.Ok, created.Text);
        var policyId = created.Str("Policy", "PolicySummary", "Id");
        Assert.Matches("^p-[a-z0-9]{8}$", policyId);
        Assert.False(created.Body.GetProperty("Policy").GetProperty("PolicySummary").GetProperty("AwsManaged").GetBoolean());
        Assert.Equal(content, created.Str("Policy", "Content"));
        Assert.Equal($"arn:aws:organizations::{ExampleOrganization.Management}:policy/{server.Ids.OrganizationId}/service_control_policy/{policyId}", created.Str("Policy", "PolicySummary", "Arn"));

        var attach = $$"""{"PolicyId":"{{policyId}}","TargetId":"{{ExampleOrganization.TargetB}}"}""";
        Assert.True((await server.CallAsync(server.Admin, "AttachPolicy", attach)).Ok);
        Assert.Equal("DuplicatePolicyAttachmentException", (await server.CallAsync(server.Admin, "AttachPolicy", attach)).ErrorType);
        Assert.True((await server.CallAsync(server.Admin, "AttachPolicy", $$"""{"PolicyId":"{{policyId}}","TargetId":"{{server.Ids.RootId}}"}""")).Ok);

        var targets = await server.CallAsync(server.Admin, "ListTargetsForPolicy", $$"""{"PolicyId":"{{policyId}}"}""");
        Assert.True(targets.Ok, targets.Text);
        var summary = targets.Body.GetProperty("Targets").EnumerateArray()
            .Select(t => (t.GetProperty("TargetId").GetString(), t.GetProperty("Type").GetString())).OrderBy(t => t.Item1).ToList();
        Assert.Equal([(ExampleOrganization.TargetB, "ACCOUNT"), (server.Ids.RootId, "ROOT")], summary);

        var scpTargets = await server.CallAsync(server.Admin, "ListTargetsForPolicy", $$"""{"PolicyId":"{{server.Ids.DenyLeaveScpId}}"}""");
        Assert.Equal([server.Ids.WorkloadsOuId], scpTargets.Ids("Targets", "TargetId"));

        var updated = await server.CallAsync(server.Admin, "UpdatePolicy", $$"""{"PolicyId":"{{policyId}}","Name":"DenyBucketDeletion"}""");
        Assert.True(updated.Ok, updated.Text);
        var described = await server.CallAsync(server.Admin, "DescribePolicy", $$"""{"PolicyId":"{{policyId}}"}""");
        Assert.Equal("DenyBucketDeletion", described.Str("Policy", "PolicySummary", "Name"));
        Assert.Equal("No bucket deletion", described.Str("Policy", "PolicySummary", "Description"));
        Assert.Equal(content, described.Str("Policy", "Content"));

        var listed = await server.CallAsync(server.Admin, "ListPolicies", """{"Filter":"SERVICE_CONTROL_POLICY"}""");
        Assert.Equal(new[] { "p-FullAWSAccess", server.Ids.DenyLeaveScpId, policyId }.Order(StringComparer.Ordinal), listed.Ids("Policies"));

        Assert.True((await server.CallAsync(server.Admin, "DetachPolicy", attach)).Ok);
        Assert.Equal("PolicyNotAttachedException", (await server.CallAsync(server.Admin, "DetachPolicy", attach)).ErrorType);
        var after = await server.CallAsync(server.Admin, "ListTargetsForPolicy", $$"""{"PolicyId":"{{policyId}}"}""");
        Assert.Equal([server.Ids.RootId], after.Ids("Targets", "TargetId"));
    }

    [Fact]
    public async Task Policy_errors()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var malformed = await server.CallAsync(server.Admin, "CreatePolicy",
            """{"Content":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"*\",\"Resource\":\"*\"}]}","Description":"d","Name":"Bad","Type":"SERVICE_CONTROL_POLICY"}""");
        Assert.Equal("MalformedPolicyDocumentException", malformed.ErrorType);

        foreach (var type in new[] { "SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY" })
        {
            var empty = await server.CallAsync(server.Admin, "CreatePolicy",
                $$"""{"Content":"{\"Version\":\"2012-10-17\",\"Statement\":[]}","Description":"d","Name":"Empty","Type":"{{type}}"}""");
            Assert.Equal(("MalformedPolicyDocumentException", "Syntax errors in policy."), (empty.ErrorType, empty.Message));
        }

        var managed = await server.CallAsync(server.Admin, "UpdatePolicy", """{"PolicyId":"p-FullAWSAccess","Name":"Mine"}""");
        Assert.Equal("InvalidInputException", managed.ErrorType);
        Assert.Equal("IMMUTABLE_POLICY", managed.Str("Reason"));

        Assert.Equal("PolicyNotFoundException", (await server.CallAsync(server.Admin, "DescribePolicy", """{"PolicyId":"p-nothere1"}""")).ErrorType);
        Assert.Equal("TargetNotFoundException", (await server.CallAsync(server.Admin, "AttachPolicy", $$"""{"PolicyId":"{{server.Ids.DenyLeaveScpId}}","TargetId":"{{ExampleOrganization.Outsider}}"}""")).ErrorType);
        Assert.Equal("InvalidInputException", (await server.CallAsync(server.Admin, "ListPolicies", """{"Filter":"NOT_A_TYPE"}""")).ErrorType);
        Assert.Equal("PolicyTypeNotAvailableForOrganizationException", (await server.CallAsync(server.Admin, "ListPolicies", """{"Filter":"TAG_POLICY"}""")).ErrorType);
    }

    [Fact]
    public async Task The_last_scp_of_a_target_cannot_be_detached()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var reply = await server.CallAsync(server.Admin, "DetachPolicy", $$"""{"PolicyId":"p-FullAWSAccess","TargetId":"{{ExampleOrganization.TargetB}}"}""");

        Assert.Equal("ConstraintViolationException", reply.ErrorType);
        Assert.Equal("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", reply.Str("Reason"));

        // With a second SCP attached, FullAWSAccess may go.
        Assert.True((await server.CallAsync(server.Admin, "AttachPolicy", $$"""{"PolicyId":"{{server.Ids.DenyLeaveScpId}}","TargetId":"{{ExampleOrganization.TargetB}}"}""")).Ok);
        var detached = await server.CallAsync(server.Admin, "DetachPolicy", $$"""{"PolicyId":"p-FullAWSAccess","TargetId":"{{ExampleOrganization.TargetB}}"}""");
        Assert.True(detached.Ok, detached.Text);
    }

    [Fact]
    public async Task Oversized_policies_violate_the_content_limit()
    {
        await using var server = await OrganizationsServer.StartAsync();
        var statements = string.Join(",", Enumerable.Range(0, 80).Select(i => $$"""{"Sid":"Statement{{i}}","Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}"""));
        var content = $$"""{"Version":"2012-10-17","Statement":[{{statements}}]}""";
        Assert.True(content.Length > 5120);

        var reply = await server.CallAsync(server.Admin, "CreatePolicy",
            JsonSerializer.Serialize(new { Content = content, Description = "big", Name = "Big", Type = "SERVICE_CONTROL_POLICY" }));

        Assert.Equal("ConstraintViolationException", reply.ErrorType);
        Assert.Equal("POLICY_CONTENT_LIMIT_EXCEEDED", reply.Str("Reason"));
    }

    [Fact]
    public async Task Enable_policy_type()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var again = await server.CallAsync(server.Admin, "EnablePolicyType", $$"""{"RootId":"{{server.Ids.RootId}}","PolicyType":"SERVICE_CONTROL_POLICY"}""");
        Assert.Equal("PolicyTypeAlreadyEnabledException", again.ErrorType);

        var tags = await server.CallAsync(server.Admin, "EnablePolicyType", $$"""{"RootId":"{{server.Ids.RootId}}","PolicyType":"TAG_POLICY"}""");
        Assert.True(tags.Ok, tags.Text);
        Assert.Contains("TAG_POLICY", tags.Body.GetProperty("Root").GetProperty("PolicyTypes").EnumerateArray().Select(t => t.GetProperty("Type").GetString()));

        var noRoot = await server.CallAsync(server.Admin, "EnablePolicyType", """{"RootId":"r-zzzz","PolicyType":"BACKUP_POLICY"}""");
        Assert.Equal("RootNotFoundException", noRoot.ErrorType);
    }

    [Fact]
    public async Task Create_organization_from_a_standalone_account()
    {
        await using var server = await OrganizationsServer.StartAsync();

        var created = await server.CallAsync(server.OutsiderAdmin, "CreateOrganization", """{"FeatureSet":"ALL"}""");
        Assert.True(created.Ok, created.Text);
        Assert.Equal(ExampleOrganization.Outsider, created.Str("Organization", "MasterAccountId"));
        Assert.Matches("^o-[a-z0-9]{10}$", created.Str("Organization", "Id"));

        var described = await server.CallAsync(server.OutsiderAdmin, "DescribeOrganization");
        Assert.Equal(created.Str("Organization", "Id"), described.Str("Organization", "Id"));

        var accounts = await server.CallAsync(server.OutsiderAdmin, "ListAccounts");
        Assert.Equal([ExampleOrganization.Outsider], accounts.Ids("Accounts"));

        Assert.Equal("AlreadyInOrganizationException", (await server.CallAsync(server.OutsiderAdmin, "CreateOrganization")).ErrorType);
        Assert.Equal("AlreadyInOrganizationException", (await server.CallAsync(server.Admin, "CreateOrganization")).ErrorType);
    }
}
