using System.Net;
using System.Text;
using System.Xml.Linq;
using Crossgate.Directory.Iam;

namespace Crossgate.Server.Tests.Iam;

/// <summary>Whole life cycles of IAM entities through the endpoint.</summary>
public sealed class IamLifecycleTests
{
    private const string Doc1 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
    private const string Doc2 = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""";
    private static readonly XNamespace Ns = IamTestHost.Ns;

    private static async Task<IamReply> Ok(IamTestHost host, string action, params (string, string)[] parameters)
    {
        var reply = await host.CallAsync(action, parameters);
        Assert.True(reply.Status == HttpStatusCode.OK, $"{action}: {reply.Text}");
        return reply;
    }

    [Fact]
    public async Task Managed_policy_versions_attachments_and_delete_conflicts()
    {
        await using var host = await IamTestHost.StartAsync();
        var created = await Ok(host, "CreatePolicy", ("PolicyName", "app"), ("PolicyDocument", Doc1), ("Path", "/team/"), ("Description", "d"));
        var arn = created.Value("Policy/Arn")!;
        Assert.Equal("arn:aws:iam::111122223333:policy/team/app", arn);
        Assert.Equal("v1", created.Value("Policy/DefaultVersionId"));

        var duplicate = await host.CallAsync("CreatePolicy", ("PolicyName", "app"), ("PolicyDocument", Doc1));
        Assert.Equal((HttpStatusCode.Conflict, "EntityAlreadyExists"), (duplicate.Status, duplicate.ErrorCode));

        var v2 = await Ok(host, "CreatePolicyVersion", ("PolicyArn", arn), ("PolicyDocument", Doc2), ("SetAsDefault", "true"));
        Assert.Equal(("v2", "true"), (v2.Value("PolicyVersion/VersionId"), v2.Value("PolicyVersion/IsDefaultVersion")));
        Assert.Null(v2.Value("PolicyVersion/Document"));
        var got = await Ok(host, "GetPolicyVersion", ("PolicyArn", arn), ("VersionId", "v2"));
        Assert.Equal(Doc2, Uri.UnescapeDataString(got.Value("PolicyVersion/Document")!));
        var versions = await Ok(host, "ListPolicyVersions", ("PolicyArn", arn));
        Assert.Equal(["v2", "v1"], versions.Members("Versions").Select(m => m.Element(Ns + "VersionId")!.Value));

        var deleteDefault = await host.CallAsync("DeletePolicyVersion", ("PolicyArn", arn), ("VersionId", "v2"));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (deleteDefault.Status, deleteDefault.ErrorCode));
        await Ok(host, "SetDefaultPolicyVersion", ("PolicyArn", arn), ("VersionId", "v1"));
        await Ok(host, "DeletePolicyVersion", ("PolicyArn", arn), ("VersionId", "v2"));

        await Ok(host, "CreateUser", ("UserName", "bob"));
        await Ok(host, "AttachUserPolicy", ("UserName", "bob"), ("PolicyArn", arn));
        var attached = await Ok(host, "ListAttachedUserPolicies", ("UserName", "bob"));
        Assert.Equal("app", attached.Members("AttachedPolicies").Single().Element(Ns + "PolicyName")!.Value);
        Assert.Equal("1", (await Ok(host, "GetPolicy", ("PolicyArn", arn))).Value("Policy/AttachmentCount"));
        var local = await Ok(host, "ListPolicies", ("Scope", "Local"), ("OnlyAttached", "true"));
        Assert.Equal([arn], local.Members("Policies").Select(m => m.Element(Ns + "Arn")!.Value));

        var inUse = await host.CallAsync("DeletePolicy", ("PolicyArn", arn));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (inUse.Status, inUse.ErrorCode));
        await Ok(host, "DetachUserPolicy", ("UserName", "bob"), ("PolicyArn", arn));
        await Ok(host, "DeletePolicy", ("PolicyArn", arn));
        var gone = await host.CallAsync("GetPolicy", ("PolicyArn", arn));
        Assert.Equal((HttpStatusCode.NotFound, "NoSuchEntity", $"Policy {arn} was not found."), (gone.Status, gone.ErrorCode, gone.ErrorMessage));

        var readOnly = await Ok(host, "GetPolicy", ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        Assert.Equal("ReadOnlyAccess", readOnly.Value("Policy/PolicyName"));
        var readOnlyVersion = readOnly.Value("Policy/DefaultVersionId")!;
        var readOnlyDocument = await Ok(host, "GetPolicyVersion", ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"), ("VersionId", readOnlyVersion));
        Assert.Contains("\"Statement\"", Uri.UnescapeDataString(readOnlyDocument.Value("PolicyVersion/Document")!));
        // AWS managed policies are not the account's to delete: an implicit deny even for an administrator allowed "*"
        // (DeletePolicy documents no UnmodifiableEntity).
        var notCustomer = await host.CallAsync("DeletePolicy", ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (notCustomer.Status, notCustomer.ErrorCode));

        var aws = await Ok(host, "ListPolicies", ("Scope", "AWS"), ("MaxItems", "5"));
        Assert.Equal(5, aws.Members("Policies").Count);
        Assert.Equal("true", aws.Value("IsTruncated"));
    }

    [Fact]
    public async Task Groups_roles_tags_and_boundaries()
    {
        await using var host = await IamTestHost.StartAsync();
        await Ok(host, "CreateGroup", ("GroupName", "devs"), ("Path", "/g/"));
        await Ok(host, "CreateUser", ("UserName", "carol"));
        await Ok(host, "AddUserToGroup", ("GroupName", "devs"), ("UserName", "carol"));
        var group = await Ok(host, "GetGroup", ("GroupName", "devs"));
        Assert.Equal("arn:aws:iam::111122223333:group/g/devs", group.Value("Group/Arn"));
        Assert.Equal(["carol"], group.Members("Users").Select(m => m.Element(Ns + "UserName")!.Value));
        Assert.Equal(["devs"], (await Ok(host, "ListGroupsForUser", ("UserName", "carol"))).Members("Groups").Select(m => m.Element(Ns + "GroupName")!.Value));
        await Ok(host, "PutGroupPolicy", ("GroupName", "devs"), ("PolicyName", "g"), ("PolicyDocument", Doc1));
        var notEmpty = await host.CallAsync("DeleteGroup", ("GroupName", "devs"));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (notEmpty.Status, notEmpty.ErrorCode));
        await Ok(host, "DeleteGroupPolicy", ("GroupName", "devs"), ("PolicyName", "g"));
        await Ok(host, "RemoveUserFromGroup", ("GroupName", "devs"), ("UserName", "carol"));
        await Ok(host, "DeleteGroup", ("GroupName", "devs"));

        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        var role = await Ok(host, "CreateRole", ("RoleName", "svc"), ("AssumeRolePolicyDocument", trust), ("MaxSessionDuration", "7200"), ("Tags.member.1.Key", "a"), ("Tags.member.1.Value", "1"));
        Assert.Equal(trust, Uri.UnescapeDataString(role.Value("Role/AssumeRolePolicyDocument")!));
        Assert.Equal("7200", role.Value("Role/MaxSessionDuration"));
        await Ok(host, "UpdateRole", ("RoleName", "svc"), ("Description", "service role"));
        await Ok(host, "TagRole", ("RoleName", "svc"), ("Tags.member.1.Key", "b"), ("Tags.member.1.Value", "2"));
        await Ok(host, "UntagRole", ("RoleName", "svc"), ("TagKeys.member.1", "a"));
        var tags = await Ok(host, "ListRoleTags", ("RoleName", "svc"));
        Assert.Equal(["b"], tags.Members("Tags").Select(m => m.Element(Ns + "Key")!.Value));
        await Ok(host, "PutRolePermissionsBoundary", ("RoleName", "svc"), ("PermissionsBoundary", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        var got = await Ok(host, "GetRole", ("RoleName", "svc"));
        Assert.Equal("service role", got.Value("Role/Description"));
        Assert.Equal("arn:aws:iam::aws:policy/ReadOnlyAccess", got.Value("Role/PermissionsBoundary/PermissionsBoundaryArn"));
        await Ok(host, "DeleteRolePermissionsBoundary", ("RoleName", "svc"));
        Assert.Null((await Ok(host, "GetRole", ("RoleName", "svc"))).Value("Role/PermissionsBoundary"));

        var badTrust = await host.CallAsync("UpdateAssumeRolePolicy", ("RoleName", "svc"), ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}"""));
        Assert.Equal((HttpStatusCode.BadRequest, "MalformedPolicyDocument"), (badTrust.Status, badTrust.ErrorCode));
        await Ok(host, "DeleteRole", ("RoleName", "svc"));
        Assert.Equal(HttpStatusCode.NotFound, (await host.CallAsync("GetRole", ("RoleName", "svc"))).Status);
    }

    [Fact]
    public async Task Access_keys_login_profiles_and_rename()
    {
        await using var host = await IamTestHost.StartAsync();
        await Ok(host, "CreateUser", ("UserName", "dave"));
        var key = await Ok(host, "CreateAccessKey", ("UserName", "dave"));
        var keyId = key.Value("AccessKey/AccessKeyId")!;
        Assert.StartsWith("AKIA", keyId);
        Assert.Equal(40, key.Value("AccessKey/SecretAccessKey")!.Length);
        await Ok(host, "CreateAccessKey", ("UserName", "dave"));
        var third = await host.CallAsync("CreateAccessKey", ("UserName", "dave"));
        Assert.Equal((HttpStatusCode.Conflict, "LimitExceeded"), (third.Status, third.ErrorCode));
        await Ok(host, "UpdateAccessKey", ("UserName", "dave"), ("AccessKeyId", keyId), ("Status", "Inactive"));
        var keys = await Ok(host, "ListAccessKeys", ("UserName", "dave"));
        Assert.Equal("Inactive", keys.Members("AccessKeyMetadata").Single(m => m.Element(Ns + "AccessKeyId")!.Value == keyId).Element(Ns + "Status")!.Value);
        var own = await Ok(host, "ListAccessKeys");
        Assert.Equal([host.Admin.AccessKeyId], own.Members("AccessKeyMetadata").Select(m => m.Element(Ns + "AccessKeyId")!.Value));

        var profile = await Ok(host, "CreateLoginProfile", ("UserName", "dave"), ("Password", "Correct-Horse-9-Battery"), ("PasswordResetRequired", "true"));
        Assert.Equal("true", profile.Value("LoginProfile/PasswordResetRequired"));
        Assert.Equal("dave", (await Ok(host, "GetLoginProfile", ("UserName", "dave"))).Value("LoginProfile/UserName"));
        await Ok(host, "UpdateLoginProfile", ("UserName", "dave"), ("PasswordResetRequired", "false"));
        Assert.Equal("false", (await Ok(host, "GetLoginProfile", ("UserName", "dave"))).Value("LoginProfile/PasswordResetRequired"));

        await Ok(host, "UpdateUser", ("UserName", "dave"), ("NewUserName", "david"), ("NewPath", "/moved/"));
        var renamed = await Ok(host, "GetUser", ("UserName", "david"));
        Assert.Equal("arn:aws:iam::111122223333:user/moved/david", renamed.Value("User/Arn"));
        Assert.Equal(2, (await Ok(host, "ListAccessKeys", ("UserName", "david"))).Members("AccessKeyMetadata").Count);
        Assert.Equal(HttpStatusCode.NotFound, (await host.CallAsync("GetUser", ("UserName", "dave"))).Status);

        var withProfile = await host.CallAsync("DeleteUser", ("UserName", "david"));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (withProfile.Status, withProfile.ErrorCode));
        await Ok(host, "DeleteLoginProfile", ("UserName", "david"));
        var noProfile = await host.CallAsync("GetLoginProfile", ("UserName", "david"));
        Assert.Equal(("NoSuchEntity", "Login Profile for User david cannot be found."), (noProfile.ErrorCode, noProfile.ErrorMessage));
        foreach (var member in (await Ok(host, "ListAccessKeys", ("UserName", "david"))).Members("AccessKeyMetadata"))
        {
            await Ok(host, "DeleteAccessKey", ("UserName", "david"), ("AccessKeyId", member.Element(Ns + "AccessKeyId")!.Value));
        }

        await Ok(host, "DeleteUser", ("UserName", "david"));
    }

    [Fact]
    public async Task Virtual_MFA_needs_two_consecutive_codes()
    {
        await using var host = await IamTestHost.StartAsync();
        await Ok(host, "CreateUser", ("UserName", "erin"));
        var device = await Ok(host, "CreateVirtualMFADevice", ("VirtualMFADeviceName", "erin-phone"));
        var serial = device.Value("VirtualMFADevice/SerialNumber")!;
        Assert.Equal("arn:aws:iam::111122223333:mfa/erin-phone", serial);
        var seed = Encoding.ASCII.GetString(Convert.FromBase64String(device.Value("VirtualMFADevice/Base32StringSeed")!));

        var now = DateTimeOffset.UtcNow;
        var wrong = await host.CallAsync("EnableMFADevice", ("UserName", "erin"), ("SerialNumber", serial),
            ("AuthenticationCode1", Totp.Code(seed, now)), ("AuthenticationCode2", Totp.Code(seed, now)));
        Assert.Equal("InvalidAuthenticationCode", wrong.ErrorCode);

        await Ok(host, "EnableMFADevice", ("UserName", "erin"), ("SerialNumber", serial),
            ("AuthenticationCode1", Totp.Code(seed, now.AddSeconds(-30))), ("AuthenticationCode2", Totp.Code(seed, now)));
        var devices = await Ok(host, "ListMFADevices", ("UserName", "erin"));
        Assert.Equal(serial, devices.Members("MFADevices").Single().Element(Ns + "SerialNumber")!.Value);
        var assigned = await Ok(host, "ListVirtualMFADevices", ("AssignmentStatus", "Assigned"));
        Assert.Equal("erin", assigned.Members("VirtualMFADevices").Single().Element(Ns + "User")!.Element(Ns + "UserName")!.Value);

        var inUse = await host.CallAsync("DeleteVirtualMFADevice", ("SerialNumber", serial));
        Assert.Equal((HttpStatusCode.Conflict, "DeleteConflict"), (inUse.Status, inUse.ErrorCode));
        await Ok(host, "DeactivateMFADevice", ("UserName", "erin"), ("SerialNumber", serial));
        Assert.Empty((await Ok(host, "ListVirtualMFADevices", ("AssignmentStatus", "Assigned"))).Members("VirtualMFADevices"));
        await Ok(host, "DeleteVirtualMFADevice", ("SerialNumber", serial));
        Assert.Equal(HttpStatusCode.NotFound, (await host.CallAsync("DeleteVirtualMFADevice", ("SerialNumber", serial))).Status);
    }

    [Fact]
    public async Task Account_authorization_details_lists_entities_by_filter()
    {
        await using var host = await IamTestHost.StartAsync();
        await Ok(host, "CreateGroup", ("GroupName", "readers"));
        await Ok(host, "AttachGroupPolicy", ("GroupName", "readers"), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess"));
        await Ok(host, "CreatePolicy", ("PolicyName", "mine"), ("PolicyDocument", Doc1));

        var all = await Ok(host, "GetAccountAuthorizationDetails");
        Assert.Equal(["admin", "nobody"], all.Members("UserDetailList").Select(m => m.Element(Ns + "UserName")!.Value));
        var admin = all.Members("UserDetailList")[0];
        Assert.Equal("all", admin.Element(Ns + "UserPolicyList")!.Elements().Single().Element(Ns + "PolicyName")!.Value);
        Assert.Equal("readers", all.Members("GroupDetailList").Single().Element(Ns + "GroupName")!.Value);
        Assert.Equal(["ReadOnlyAccess", "mine"], all.Members("Policies").Select(m => m.Element(Ns + "PolicyName")!.Value).Order(StringComparer.Ordinal));
        Assert.Equal("false", all.Value("IsTruncated"));

        var onlyPolicies = await Ok(host, "GetAccountAuthorizationDetails", ("Filter.member.1", "LocalManagedPolicy"));
        Assert.Empty(onlyPolicies.Members("UserDetailList"));
        var mine = onlyPolicies.Members("Policies").Single();
        Assert.Equal(Doc1, Uri.UnescapeDataString(mine.Element(Ns + "PolicyVersionList")!.Elements().Single().Element(Ns + "Document")!.Value));

        var paged = await Ok(host, "GetAccountAuthorizationDetails", ("MaxItems", "1"));
        Assert.Equal("true", paged.Value("IsTruncated"));
        Assert.Single(paged.Members("UserDetailList"));

        var bad = await host.CallAsync("GetAccountAuthorizationDetails", ("Filter.member.1", "Bogus"));
        Assert.Equal((HttpStatusCode.BadRequest, "ValidationError"), (bad.Status, bad.ErrorCode));
    }
}
