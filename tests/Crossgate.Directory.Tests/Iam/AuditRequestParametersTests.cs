using Crossgate.Directory.Iam;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Iam;

/// <summary>The <c>requestParameters</c> every audited IAM write records, pinned as earlier versions wrote them:
/// camelCase names in call order, null values left out, the serializer's default escaping.</summary>
public sealed class AuditRequestParametersTests
{
    [Fact]
    public async Task Every_audited_call_records_its_parameters_as_before()
    {
        await using var temp = await TempStore.CreateAsync();

        var (events, accessKeyId) = await AuditedCallsWalk.RunAsync(new IamDirectory(temp.Store), TimeProvider.System);

        var recorded = string.Join("\n", events.Select(e => e.EventName + " " + e.RequestParameters));
        Assert.Equal(Expected.Replace("AKIA_KEY_ID_________", accessKeyId, StringComparison.Ordinal), recorded);
    }

    private const string Expected = """
        CreateUser {"userName":"alex","path":"/a\u002Bb\u0026c\u003Cd\u003E/"}
        PutUserPolicy {"userName":"alex","policyName":"p1"}
        DeleteUserPolicy {"userName":"alex","policyName":"p1"}
        AttachUserPolicy {"userName":"alex","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        DetachUserPolicy {"userName":"alex","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        CreatePolicy {"policyName":"Boundary","path":"/","description":"limits \u0022all\u0022"}
        CreatePolicy {"policyName":"NoDescription","path":"/"}
        CreatePolicyVersion {"policyArn":"arn:aws:iam::111111111111:policy/Boundary","setAsDefault":true}
        SetDefaultPolicyVersion {"policyArn":"arn:aws:iam::111111111111:policy/Boundary","versionId":"v1"}
        DeletePolicyVersion {"policyArn":"arn:aws:iam::111111111111:policy/Boundary","versionId":"v2"}
        PutUserPermissionsBoundary {"userName":"alex","permissionsBoundary":"arn:aws:iam::111111111111:policy/Boundary"}
        DeleteUserPermissionsBoundary {"userName":"alex"}
        TagUser {"userName":"alex"}
        UntagUser {"userName":"alex","tagKeys":["team","\u00E9"]}
        CreateGroup {"groupName":"admins","path":"/g/"}
        AddUserToGroup {"groupName":"admins","userName":"alex"}
        PutGroupPolicy {"groupName":"admins","policyName":"gp"}
        AttachGroupPolicy {"groupName":"admins","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        DetachGroupPolicy {"groupName":"admins","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        RemoveUserFromGroup {"groupName":"admins","userName":"alex"}
        CreateRole {"roleName":"deploy","path":"/ci/","description":"deploys","maxSessionDuration":7200}
        CreateRole {"roleName":"plain","path":"/","maxSessionDuration":3600}
        UpdateAssumeRolePolicy {"roleName":"deploy"}
        UpdateRole {"roleName":"deploy","maxSessionDuration":3600}
        UpdateRole {"roleName":"deploy","description":"new"}
        PutRolePolicy {"roleName":"deploy","policyName":"rp"}
        DeleteRolePolicy {"roleName":"deploy","policyName":"rp"}
        AttachRolePolicy {"roleName":"deploy","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        DetachRolePolicy {"roleName":"deploy","policyArn":"arn:aws:iam::aws:policy/ReadOnlyAccess"}
        PutRolePermissionsBoundary {"roleName":"deploy","permissionsBoundary":"arn:aws:iam::111111111111:policy/Boundary"}
        TagRole {"roleName":"deploy"}
        UntagRole {"roleName":"deploy","tagKeys":["owner"]}
        CreateAccessKey {"userName":"alex"}
        UpdateAccessKey {"userName":"alex","accessKeyId":"AKIA_KEY_ID_________","status":"Inactive"}
        DeleteAccessKey {"userName":"alex","accessKeyId":"AKIA_KEY_ID_________"}
        CreateLoginProfile {"userName":"alex","passwordResetRequired":true}
        UpdateLoginProfile {"userName":"alex","passwordResetRequired":false}
        UpdateLoginProfile {"userName":"alex"}
        DeleteLoginProfile {"userName":"alex"}
        CreateVirtualMFADevice {"virtualMFADeviceName":"alex-phone","path":"/"}
        EnableMFADevice {"userName":"alex","serialNumber":"arn:aws:iam::111111111111:mfa/alex-phone"}
        DeactivateMFADevice {"userName":"alex","serialNumber":"arn:aws:iam::111111111111:mfa/alex-phone"}
        UpdateAccountPasswordPolicy {"minimumPasswordLength":12}
        DeleteAccountPasswordPolicy {}
        AssumeRole {"roleArn":"arn:aws:iam::111111111111:role/ci/deploy","roleSessionName":"build"}
        GetSessionToken {}
        DeleteRole {"roleName":"plain"}
        CreateGroup {"groupName":"empty","path":"/"}
        DeleteGroup {"groupName":"empty"}
        DeletePolicy {"policyArn":"arn:aws:iam::111111111111:policy/NoDescription"}
        DeleteUser {"userName":"alex"}
        """;
}
