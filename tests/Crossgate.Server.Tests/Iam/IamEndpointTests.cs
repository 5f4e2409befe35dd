using System.Net;
using Crossgate.Directory.Iam;

namespace Crossgate.Server.Tests.Iam;

/// <summary>IAM actions over real HTTP against the directory-backed endpoint.</summary>
public sealed class IamEndpointTests
{
    private const string AllowS3Read = """{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket/*"}]}""";

    [Fact]
    public async Task Create_user_put_inline_policy_and_simulate()
    {
        await using var host = await IamTestHost.StartAsync();

        var created = await host.CallAsync("CreateUser", ("UserName", "alice"), ("Path", "/eng/"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("alice", created.Value("User/UserName"));
        Assert.Equal($"arn:aws:iam::{IamTestHost.Account}:user/eng/alice", created.Value("User/Arn"));
        Assert.StartsWith("AIDA", created.Value("User/UserId"));

        var put = await host.CallAsync("PutUserPolicy", ("UserName", "alice"), ("PolicyName", "read"), ("PolicyDocument", AllowS3Read));
        Assert.Equal(HttpStatusCode.OK, put.Status);
        var got = await host.CallAsync("GetUserPolicy", ("UserName", "alice"), ("PolicyName", "read"));
        Assert.Equal(AllowS3Read, Uri.UnescapeDataString(got.Value("PolicyDocument")!));

        var simulated = await host.CallAsync("SimulatePrincipalPolicy",
            ("PolicySourceArn", $"arn:aws:iam::{IamTestHost.Account}:user/eng/alice"),
            ("ActionNames.member.1", "s3:GetObject"), ("ActionNames.member.2", "s3:PutObject"),
            ("ResourceArns.member.1", "arn:aws:s3:::bucket/key"));
        Assert.Equal(HttpStatusCode.OK, simulated.Status);
        var results = simulated.Members("EvaluationResults");
        Assert.Equal(2, results.Count);
        Assert.Equal("s3:GetObject", Child(results[0], "EvalActionName"));
        Assert.Equal("arn:aws:s3:::bucket/key", Child(results[0], "EvalResourceName"));
        Assert.Equal("allowed", Child(results[0], "EvalDecision"));
        var matched = results[0].Element(IamTestHost.Ns + "MatchedStatements")!.Elements(IamTestHost.Ns + "member").Single();
        Assert.Equal("read", Child(matched, "SourcePolicyId"));
        Assert.Equal("user", Child(matched, "SourcePolicyType"));
        Assert.NotNull(results[0].Element(IamTestHost.Ns + "MissingContextValues"));
        Assert.Equal("implicitDeny", Child(results[1], "EvalDecision"));
        Assert.Empty(results[1].Element(IamTestHost.Ns + "MatchedStatements")!.Elements());
        Assert.Equal("false", simulated.Value("IsTruncated"));
    }

    [Fact]
    public async Task Simulation_reports_boundary_detail_missing_context_and_explicit_deny()
    {
        await using var host = await IamTestHost.StartAsync();
        const string conditional = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/env":"dev"}}},{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""";
        const string boundary = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

        var reply = await host.CallAsync("SimulateCustomPolicy",
            ("PolicyInputList.member.1", conditional),
            ("PermissionsBoundaryPolicyInputList.member.1", boundary),
            ("ActionNames.member.1", "s3:ListBucket"), ("ActionNames.member.2", "s3:DeleteBucket"),
            ("ContextEntries.member.1.ContextKeyName", "aws:RequestTag/env"),
            ("ContextEntries.member.1.ContextKeyValues.member.1", "dev"),
            ("ContextEntries.member.1.ContextKeyType", "string"));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var results = reply.Members("EvaluationResults");
        Assert.Equal("allowed", Child(results[0], "EvalDecision"));
        Assert.Equal("true", results[0].Element(IamTestHost.Ns + "PermissionsBoundaryDecisionDetail")!.Element(IamTestHost.Ns + "AllowedByPermissionsBoundary")!.Value);
        Assert.Equal("PolicyInputList.1", Child(results[0].Element(IamTestHost.Ns + "MatchedStatements")!.Elements().First(), "SourcePolicyId"));
        Assert.Equal("explicitDeny", Child(results[1], "EvalDecision"));

        var withoutContext = await host.CallAsync("SimulateCustomPolicy",
            ("PolicyInputList.member.1", conditional), ("ActionNames.member.1", "s3:ListBucket"));
        var result = withoutContext.Members("EvaluationResults").Single();
        Assert.Equal("implicitDeny", Child(result, "EvalDecision"));
        Assert.Contains("aws:RequestTag/env", result.Element(IamTestHost.Ns + "MissingContextValues")!.Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task Simulating_a_role_uses_its_session_and_a_group_its_own_policies()
    {
        await using var host = await IamTestHost.StartAsync();
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";
        var createdRole = await host.CallAsync("CreateRole", ("RoleName", "reader"), ("AssumeRolePolicyDocument", trust));
        Assert.True(createdRole.Status == HttpStatusCode.OK, createdRole.Text);
        var attached = await host.CallAsync("AttachRolePolicy", ("RoleName", "reader"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        Assert.True(attached.Status == HttpStatusCode.OK, attached.Text);
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("CreateGroup", ("GroupName", "ops"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("PutGroupPolicy", ("GroupName", "ops"), ("PolicyName", "ops-read"), ("PolicyDocument", AllowS3Read))).Status);

        var role = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:role/reader"),
            ("ActionNames.member.1", "s3:GetObject"), ("ActionNames.member.2", "s3:PutObject"));
        var results = role.Members("EvaluationResults");
        Assert.Equal("allowed", Child(results[0], "EvalDecision"));
        var source = results[0].Element(IamTestHost.Ns + "MatchedStatements")!.Elements().First();
        Assert.Equal(("ReadOnlyAccess", "aws-managed"), (Child(source, "SourcePolicyId"), Child(source, "SourcePolicyType")));
        Assert.Equal("implicitDeny", Child(results[1], "EvalDecision"));

        var group = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:group/ops"),
            ("ActionNames.member.1", "s3:GetObject"), ("ResourceArns.member.1", "arn:aws:s3:::bucket/x"));
        var groupResult = group.Members("EvaluationResults").Single();
        Assert.Equal("allowed", Child(groupResult, "EvalDecision"));
        Assert.Equal("group", Child(groupResult.Element(IamTestHost.Ns + "MatchedStatements")!.Elements().Single(), "SourcePolicyType"));

        var missing = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:user/ghost"), ("ActionNames.member.1", "s3:GetObject"));
        Assert.Equal((HttpStatusCode.NotFound, "NoSuchEntity"), (missing.Status, missing.ErrorCode));
    }

    [Fact]
    public async Task Simulating_a_role_again_answers_from_its_policies_as_they_now_are()
    {
        // The simulator reads the role through the cached directory view: a change must show at once.
        await using var host = await IamTestHost.StartAsync();
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]}""";
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("CreateRole", ("RoleName", "reader"), ("AssumeRolePolicyDocument", trust))).Status);
        async Task<string> SimulateAsync()
        {
            var reply = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:role/reader"),
                ("ActionNames.member.1", "s3:GetObject"), ("ResourceArns.member.1", "arn:aws:s3:::bucket/x"));
            return reply.Status == HttpStatusCode.OK ? Child(reply.Members("EvaluationResults").Single(), "EvalDecision")! : reply.ErrorCode!;
        }

        Assert.Equal("implicitDeny", await SimulateAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("PutRolePolicy", ("RoleName", "reader"), ("PolicyName", "read"), ("PolicyDocument", AllowS3Read))).Status);
        Assert.Equal("allowed", await SimulateAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("DeleteRolePolicy", ("RoleName", "reader"), ("PolicyName", "read"))).Status);
        Assert.Equal("implicitDeny", await SimulateAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("DeleteRole", ("RoleName", "reader"))).Status);
        Assert.Equal("NoSuchEntity", await SimulateAsync());
    }

    [Fact]
    public async Task Lists_page_with_Marker_and_MaxItems()
    {
        await using var host = await IamTestHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("CreateUser", ("UserName", $"u{i}"), ("Path", "/paged/"))).Status);
            Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("PutUserPolicy", ("UserName", "u0"), ("PolicyName", $"p{i}"), ("PolicyDocument", AllowS3Read))).Status);
        }

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var parameters = new List<(string, string)> { ("PathPrefix", "/paged/"), ("MaxItems", "2") };
            if (marker is not null) parameters.Add(("Marker", marker));
            var page = await host.CallAsync("ListUsers", parameters.ToArray());
            Assert.Equal(HttpStatusCode.OK, page.Status);
            seen.AddRange(page.Members("Users").Select(m => Child(m, "UserName")!));
            marker = page.Value("IsTruncated") == "true" ? page.Value("Marker") : null;
            pages++;
        }
        while (marker is not null);
        Assert.Equal(3, pages);
        Assert.Equal(["u0", "u1", "u2", "u3", "u4"], seen);

        var first = await host.CallAsync("ListUserPolicies", ("UserName", "u0"), ("MaxItems", "3"));
        Assert.Equal(["p0", "p1", "p2"], first.Result.Element(IamTestHost.Ns + "PolicyNames")!.Elements().Select(e => e.Value));
        Assert.Equal("true", first.Value("IsTruncated"));
        var rest = await host.CallAsync("ListUserPolicies", ("UserName", "u0"), ("Marker", first.Value("Marker")!));
        Assert.Equal(["p3", "p4"], rest.Result.Element(IamTestHost.Ns + "PolicyNames")!.Elements().Select(e => e.Value));
        Assert.Equal("false", rest.Value("IsTruncated"));

        var bad = await host.CallAsync("ListUsers", ("MaxItems", "0"));
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationError"), (bad.Status, bad.ErrorCode));
        Assert.Equal("1 validation error detected: Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1", bad.ErrorMessage);
    }

    [Theory]
    [InlineData("GetUser", "UserName", "ghost", 404, "NoSuchEntity", "The user with name ghost cannot be found.")]
    [InlineData("GetRole", "RoleName", "ghost", 404, "NoSuchEntity", "The role with name ghost cannot be found.")]
    [InlineData("GetGroup", "GroupName", "ghost", 404, "NoSuchEntity", "The group with name ghost cannot be found.")]
    [InlineData("DeleteUser", "UserName", "ghost", 404, "NoSuchEntity", "The user with name ghost cannot be found.")]
    [InlineData("CreateUser", "UserName", "admin", 409, "EntityAlreadyExists", "User with name admin already exists.")]
    [InlineData("CreateUser", "UserName", "bad name!", 400, "ValidationError", null)]
    [InlineData("GetUser", "UserName", "bad name!", 400, "ValidationError", "1 validation error detected: Value 'bad name!' at 'userName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+")]
    [InlineData("ListUserPolicies", "UserName", "", 400, "ValidationError", "1 validation error detected: Value '' at 'userName' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    public async Task Errors_carry_IAM_codes_and_statuses(string action, string parameter, string value, int status, string code, string? message)
    {
        await using var host = await IamTestHost.StartAsync();

        var reply = await host.CallAsync(action, (parameter, value));

        Assert.Equal((status, code), ((int)reply.Status, reply.ErrorCode));
        if (message is not null) Assert.Equal(message, reply.ErrorMessage);
        Assert.Equal("Sender", reply.Root.Element(IamTestHost.Ns + "Error")!.Element(IamTestHost.Ns + "Type")!.Value);
    }

    [Fact]
    public async Task Malformed_documents_conflicts_and_missing_parameters()
    {
        await using var host = await IamTestHost.StartAsync();

        var malformed = await host.CallAsync("PutUserPolicy", ("UserName", "admin"), ("PolicyName", "x"), ("PolicyDocument", "{not json"));
        Assert.Equal((HttpStatusCode.BadRequest, "MalformedPolicyDocument"), (malformed.Status, malformed.ErrorCode));
        var malformedPolicy = await host.CallAsync("CreatePolicy", ("PolicyName", "p"), ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Resource":"*"}]}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "MalformedPolicyDocument"), (malformedPolicy.Status, malformedPolicy.ErrorCode));

        var conflict = await host.CallAsync("DeleteUser", ("UserName", "admin"));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (conflict.Status, conflict.ErrorCode));

        var missing = await host.CallAsync("CreateUser");
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationError"), (missing.Status, missing.ErrorCode));
        Assert.Equal("1 validation error detected: Value null at 'userName' failed to satisfy constraint: Member must not be null", missing.ErrorMessage);

        var noInline = await host.CallAsync("GetUserPolicy", ("UserName", "admin"), ("PolicyName", "nope"));
        Assert.Equal((HttpStatusCode.NotFound, "NoSuchEntity"), (noInline.Status, noInline.ErrorCode));
        Assert.Equal("The user policy with name nope cannot be found.", noInline.ErrorMessage);
    }

    [Fact]
    public async Task A_user_without_IAM_permissions_gets_AccessDenied_with_AWS_message()
    {
        await using var host = await IamTestHost.StartAsync();

        var reply = await host.CallAsAsync(host.Nobody, "CreateUser", ("UserName", "mallory"));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (reply.Status, reply.ErrorCode));
        Assert.Equal(
            "User: arn:aws:iam::111122223333:user/nobody is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::111122223333:user/mallory because no identity-based policy allows the iam:CreateUser action",
            reply.ErrorMessage);
        Assert.Null(await host.Store.GetAsync(Crossgate.Directory.Storage.EntityKinds.Users, IamTestHost.Account, "mallory"));

        var list = await host.CallAsAsync(host.Nobody, "ListUsers");
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (list.Status, list.ErrorCode));
        Assert.Contains("on resource: arn:aws:iam::111122223333:user/ ", list.ErrorMessage);
    }

    [Fact]
    public async Task Simulation_reports_the_organizations_decision()
    {
        await using var host = await IamTestHost.StartAsync();
        var orgs = host.Services.Organizations;
        var root = (await orgs.CreateOrganizationAsync("999988887777", "management")).GetValueOrThrow();
        (await orgs.EnablePolicyTypeAsync(root.OrganizationId, root.Id, "SERVICE_CONTROL_POLICY")).GetValueOrThrow();
        (await orgs.AddAccountAsync(root.OrganizationId, IamTestHost.Account, "identity")).GetValueOrThrow();
        var scp = (await orgs.CreatePolicyAsync(root.OrganizationId, "no-delete", Crossgate.Directory.Model.OrganizationPolicyType.ServiceControlPolicy,
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"}]}""")).GetValueOrThrow();
        (await orgs.AttachPolicyAsync(root.OrganizationId, scp.Id, IamTestHost.Account)).GetValueOrThrow();

        var reply = await host.CallAsync("SimulatePrincipalPolicy", ("PolicySourceArn", "arn:aws:iam::111122223333:user/admin"),
            ("ActionNames.member.1", "s3:GetObject"), ("ActionNames.member.2", "s3:DeleteBucket"));
        Assert.True(reply.Status == HttpStatusCode.OK, reply.Text);
        var results = reply.Members("EvaluationResults");
        Assert.Equal("allowed", Child(results[0], "EvalDecision"));
        Assert.Equal("true", results[0].Element(IamTestHost.Ns + "OrganizationsDecisionDetail")!.Element(IamTestHost.Ns + "AllowedByOrganizations")!.Value);
        Assert.Equal("explicitDeny", Child(results[1], "EvalDecision"));
        Assert.Equal("false", results[1].Element(IamTestHost.Ns + "OrganizationsDecisionDetail")!.Element(IamTestHost.Ns + "AllowedByOrganizations")!.Value);
        Assert.Null(results[1].Element(IamTestHost.Ns + "PermissionsBoundaryDecisionDetail"));
    }

    [Fact]
    public async Task A_resource_policy_naming_the_caller_grants_in_the_simulation()
    {
        await using var host = await IamTestHost.StartAsync();
        const string unrelated = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}""";
        const string bucketPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/nobody"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::shared/*"}]}""";

        var asNobody = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", unrelated), ("ResourcePolicy", bucketPolicy),
            ("CallerArn", "arn:aws:iam::111122223333:user/nobody"), ("ActionNames.member.1", "s3:GetObject"), ("ResourceArns.member.1", "arn:aws:s3:::shared/a"));
        Assert.True(asNobody.Status == HttpStatusCode.OK, asNobody.Text);
        var result = asNobody.Members("EvaluationResults").Single();
        Assert.Equal("allowed", Child(result, "EvalDecision"));
        var statement = result.Element(IamTestHost.Ns + "MatchedStatements")!.Elements().Single();
        Assert.Equal(("ResourcePolicy", "resource"), (Child(statement, "SourcePolicyId"), Child(statement, "SourcePolicyType")));

        var asAdmin = await host.CallAsync("SimulateCustomPolicy", ("PolicyInputList.member.1", unrelated), ("ResourcePolicy", bucketPolicy),
            ("CallerArn", "arn:aws:iam::111122223333:user/admin"), ("ActionNames.member.1", "s3:GetObject"), ("ResourceArns.member.1", "arn:aws:s3:::shared/a"));
        Assert.Equal("implicitDeny", Child(asAdmin.Members("EvaluationResults").Single(), "EvalDecision"));
    }

    [Fact]
    public async Task Request_tags_reach_the_engine_as_aws_RequestTag()
    {
        await using var host = await IamTestHost.StartAsync();
        const string onlyTagged = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateUser","Resource":"*","Condition":{"StringEquals":{"aws:RequestTag/team":"blue"}}}]}""";
        (await host.Services.Iam.PutUserPolicyAsync(IamTestHost.Account, "nobody", "tagged", onlyTagged)).GetValueOrThrow();

        var untagged = await host.CallAsAsync(host.Nobody, "CreateUser", ("UserName", "u1"));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (untagged.Status, untagged.ErrorCode));
        var wrongTag = await host.CallAsAsync(host.Nobody, "CreateUser", ("UserName", "u1"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "red"));
        Assert.Equal(HttpStatusCode.Forbidden, wrongTag.Status);
        var tagged = await host.CallAsAsync(host.Nobody, "CreateUser", ("UserName", "u1"), ("Tags.member.1.Key", "team"), ("Tags.member.1.Value", "blue"));
        Assert.Equal(HttpStatusCode.OK, tagged.Status);
    }

    private static string? Child(System.Xml.Linq.XElement element, string name) => element.Element(IamTestHost.Ns + name)?.Value;

}
