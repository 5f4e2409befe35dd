using System.Net;

namespace Crossgate.Server.Tests.Iam;

/// <summary>What only AWS may change is refused with AWS's errors even for an administrator allowed <c>*</c>.</summary>
public sealed class ProtectedResourceTests
{
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"support.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string Inline = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";

    [Theory]
    [InlineData("/aws-service-role/support.amazonaws.com/", "AWSServiceRoleForSupport")]
    [InlineData("/aws-reserved/sso.amazonaws.com/", "AWSReservedSSO_Admin_0123456789abcdef")]
    public async Task Protected_roles_are_unmodifiable(string path, string name)
    {
        await using var host = await IamTestHost.StartAsync();
        (await host.Services.Iam.CreateRoleAsync(IamTestHost.Account, name, Trust, path)).GetValueOrThrow();
        var expected = $"Cannot perform the operation on the protected role '{name}' - this role is only modifiable by AWS";

        foreach (var (action, parameters) in new (string, (string, string)[])[]
        {
            ("AttachRolePolicy", [("RoleName", name), ("PolicyArn", "arn:aws:iam::aws:policy/ReadOnlyAccess")]),
            ("PutRolePolicy", [("RoleName", name), ("PolicyName", "extra"), ("PolicyDocument", Inline)]),
            ("UpdateAssumeRolePolicy", [("RoleName", name), ("PolicyDocument", Trust)]),
            ("DeleteRole", [("RoleName", name)]),
        })
        {
            var reply = await host.CallAsync(action, parameters);
            Assert.True((HttpStatusCode.BadRequest, "UnmodifiableEntity") == (reply.Status, reply.ErrorCode), action + ": " + reply.Text);
            Assert.Equal(expected, reply.ErrorMessage);
        }

        // Reading stays allowed.
        Assert.Equal(HttpStatusCode.OK, (await host.CallAsync("GetRole", ("RoleName", name))).Status);
    }

    [Fact]
    public async Task A_caller_without_permission_is_refused_by_the_policies_first()
    {
        await using var host = await IamTestHost.StartAsync();
        (await host.Services.Iam.CreateRoleAsync(IamTestHost.Account, "AWSServiceRoleForSupport", Trust, "/aws-service-role/support.amazonaws.com/")).GetValueOrThrow();
        var reply = await host.CallAsAsync(host.Nobody, "DeleteRole", ("RoleName", "AWSServiceRoleForSupport"));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (reply.Status, reply.ErrorCode));
    }

    [Theory]
    [InlineData("DeletePolicy")]
    [InlineData("CreatePolicyVersion")]
    public async Task AWS_managed_policies_cannot_be_changed(string action)
    {
        await using var host = await IamTestHost.StartAsync();
        const string arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        var reply = action == "DeletePolicy"
            ? await host.CallAsync(action, ("PolicyArn", arn))
            : await host.CallAsync(action, ("PolicyArn", arn), ("PolicyDocument", Inline));
        Assert.True((HttpStatusCode.Forbidden, "AccessDenied") == (reply.Status, reply.ErrorCode), reply.Text);
        Assert.Equal($"User: arn:aws:iam::{IamTestHost.Account}:user/admin is not authorized to perform: iam:{action} on resource: {arn}", reply.ErrorMessage);
    }
}
