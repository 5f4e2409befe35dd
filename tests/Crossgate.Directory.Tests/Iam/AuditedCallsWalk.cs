using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Tests.Iam;

/// <summary>Makes every audited IAM write once (plus an STS session), so that the <c>requestParameters</c> each one
/// records can be compared with what CloudTrail-like consumers already read.</summary>
internal static class AuditedCallsWalk
{
    public const string A = "111111111111";
    private const string Allow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}""";
    private const string ReadOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";

    /// <summary>The audit events written, oldest first, and the id of the access key the walk created.</summary>
    public static async Task<(IReadOnlyList<AuditEvent> Events, string AccessKeyId)> RunAsync(IamDirectory iam, TimeProvider time)
    {
        var audit = new AuditContext { UserIdentity = """{"type":"Root","accountId":"111111111111"}""", SourceIpAddress = "127.0.0.1", UserAgent = "test" };

        Ok(await iam.CreateUserAsync(A, "alex", "/a+b&c<d>/", audit: audit));
        Ok(await iam.PutUserPolicyAsync(A, "alex", "p1", Allow, audit));
        Ok(await iam.DeleteUserPolicyAsync(A, "alex", "p1", audit));
        Ok(await iam.AttachUserPolicyAsync(A, "alex", ReadOnly, audit));
        Ok(await iam.DetachUserPolicyAsync(A, "alex", ReadOnly, audit));
        var policy = Ok(await iam.CreatePolicyAsync(A, "Boundary", Allow, "/", "limits \"all\"", audit: audit));
        var plainPolicy = Ok(await iam.CreatePolicyAsync(A, "NoDescription", Allow, audit: audit));
        Ok(await iam.CreatePolicyVersionAsync(policy.Arn, Allow, true, audit));
        Ok(await iam.SetDefaultPolicyVersionAsync(policy.Arn, "v1", audit));
        Ok(await iam.DeletePolicyVersionAsync(policy.Arn, "v2", audit));
        Ok(await iam.PutUserPermissionsBoundaryAsync(A, "alex", policy.Arn, audit));
        Ok(await iam.PutUserPermissionsBoundaryAsync(A, "alex", null, audit));
        Ok(await iam.TagUserAsync(A, "alex", [new Tag("team", "blue")], audit));
        Ok(await iam.UntagUserAsync(A, "alex", ["team", "é"], audit));

        Ok(await iam.CreateGroupAsync(A, "admins", "/g/", audit));
        Ok(await iam.AddUserToGroupAsync(A, "admins", "alex", audit));
        Ok(await iam.PutGroupPolicyAsync(A, "admins", "gp", Allow, audit));
        Ok(await iam.AttachGroupPolicyAsync(A, "admins", ReadOnly, audit));
        Ok(await iam.DetachGroupPolicyAsync(A, "admins", ReadOnly, audit));
        Ok(await iam.RemoveUserFromGroupAsync(A, "admins", "alex", audit));

        Ok(await iam.CreateRoleAsync(A, "deploy", Trust, "/ci/", "deploys", 7200, audit: audit));
        Ok(await iam.CreateRoleAsync(A, "plain", Trust, audit: audit));
        Ok(await iam.UpdateAssumeRolePolicyAsync(A, "deploy", Trust, audit));
        Ok(await iam.UpdateRoleAsync(A, "deploy", null, 3600, audit));
        Ok(await iam.UpdateRoleAsync(A, "deploy", "new", null, audit));
        Ok(await iam.PutRolePolicyAsync(A, "deploy", "rp", Allow, audit));
        Ok(await iam.DeleteRolePolicyAsync(A, "deploy", "rp", audit));
        Ok(await iam.AttachRolePolicyAsync(A, "deploy", ReadOnly, audit));
        Ok(await iam.DetachRolePolicyAsync(A, "deploy", ReadOnly, audit));
        Ok(await iam.PutRolePermissionsBoundaryAsync(A, "deploy", policy.Arn, audit));
        Ok(await iam.TagRoleAsync(A, "deploy", [new Tag("owner", "ci")], audit));
        Ok(await iam.UntagRoleAsync(A, "deploy", ["owner"], audit));

        var key = Ok(await iam.CreateAccessKeyAsync(A, "alex", audit));
        Ok(await iam.UpdateAccessKeyAsync(A, "alex", key.AccessKeyId, AccessKeyStatus.Inactive, audit));
        Ok(await iam.DeleteAccessKeyAsync(A, "alex", key.AccessKeyId, audit));
        Ok(await iam.CreateLoginProfileAsync(A, "alex", "Correct-Horse-9-Battery", true, audit));
        Ok(await iam.UpdateLoginProfileAsync(A, "alex", null, false, audit));
        Ok(await iam.UpdateLoginProfileAsync(A, "alex", "Another-Horse-7-Battery", null, audit));
        Ok(await iam.DeleteLoginProfileAsync(A, "alex", audit));
        var device = Ok(await iam.CreateVirtualMfaDeviceAsync(A, "alex-phone", "/", audit));
        var now = time.GetUtcNow();
        Ok(await iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber,
            Totp.Code(device.Base32Seed, now.AddSeconds(-Totp.StepSeconds)), Totp.Code(device.Base32Seed, now), audit));
        Ok(await iam.DeactivateMfaDeviceAsync(A, "alex", device.SerialNumber, audit));
        Ok(await iam.SetPasswordPolicyAsync(A, new PasswordPolicy { MinimumPasswordLength = 12 }, audit));
        Ok(await iam.SetPasswordPolicyAsync(A, null, audit));

        Ok(await iam.SaveSessionAsync(new StsSession
        {
            AccountId = A, AccessKeyId = "ASIAEXAMPLESESSION01", SecretAccessKey = "s", SessionToken = "t",
            IssuedAt = now, Expiration = now.AddHours(1), RoleArn = $"arn:aws:iam::{A}:role/ci/deploy", SessionName = "build",
        }, audit));
        Ok(await iam.SaveSessionAsync(new StsSession
        {
            AccountId = A, AccessKeyId = "ASIAEXAMPLESESSION02", SecretAccessKey = "s", SessionToken = "t",
            Kind = StsSessionKind.SessionToken, IssuedAt = now, Expiration = now.AddHours(1),
        }, audit));

        Ok(await iam.DeleteRoleAsync(A, "plain", audit));
        Ok(await iam.CreateGroupAsync(A, "empty", audit: audit));
        Ok(await iam.DeleteGroupAsync(A, "empty", audit));
        Ok(await iam.DeletePolicyAsync(plainPolicy.Arn, audit));
        Ok(await iam.DeleteUserAsync(A, "alex", audit));

        var events = await iam.Store.QueryAuditAsync(new AuditQuery { MaxResults = 1000 });
        return ([.. events.OrderBy(e => e.Sequence)], key.AccessKeyId);
    }

    private static T Ok<T>(DirectoryResult<T> result)
    {
        Assert.True(result.Success, result.Error?.ToString());
        return result.Value!;
    }
}
