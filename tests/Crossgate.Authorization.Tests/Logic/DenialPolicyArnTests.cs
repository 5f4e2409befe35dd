using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>AWS's current messages name the denying policy's ARN for explicit denies in the caller's account or
/// organization, and none across accounts outside it.</summary>
public class DenialPolicyArnTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Head = "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b/k";
    private const string Scp = "arn:aws:organizations::999999999999:policy/o-a1b2c3d4e5/service_control_policy/p-examplescp1";
    private const string Rcp = "arn:aws:organizations::999999999999:policy/o-a1b2c3d4e5/resource_control_policy/p-examplercp1";

    private static Case Request() => Case.As(Alex).Does("s3:GetObject").On("arn:aws:s3:::b/k").Identity(Allow("s3:*"));

    [Fact]
    public void An_SCP_deny_names_the_SCP()
    {
        var decision = Request().NamedScpLevel(Scp, Deny("s3:*")).Authorize();
        Assert.Equal($"{Head} with an explicit deny in a service control policy: {Scp}", decision.Message);
    }

    [Fact]
    public void An_SCP_without_an_allow_names_no_policy() =>
        Assert.Equal($"{Head} with an explicit deny in a service control policy",
            Request().NamedScpLevel(Scp, Allow("ec2:*")).Authorize().Message);

    [Fact]
    public void An_identity_deny_names_the_managed_policy()
    {
        const string policy = "arn:aws:iam::111111111111:policy/DenyS3";
        var decision = Request().Identity(Deny("s3:GetObject"), policy).Authorize();
        Assert.Equal($"{Head} with an explicit deny in an identity-based policy: {policy}", decision.Message);
    }

    [Fact]
    public void An_inline_identity_deny_has_no_ARN_to_name() =>
        Assert.Equal($"{Head} with an explicit deny in an identity-based policy",
            Request().Identity(Deny("s3:GetObject"), "inline-deny").Authorize().Message);

    [Fact]
    public void A_boundary_deny_names_the_boundary()
    {
        const string boundary = "arn:aws:iam::111111111111:policy/Boundary";
        var decision = Request().NamedBoundary(boundary, """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}]}""").Authorize();
        Assert.Equal($"{Head} with an explicit deny in a permissions boundary: {boundary}", decision.Message);
    }

    [Fact]
    public void An_RCP_deny_names_the_RCP_for_a_caller_of_the_same_organization()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On("arn:aws:s3:::b/k")
            .Identity(Allow("s3:*")).InOrganization("o-a1b2c3d4e5").OwnedBy("222222222222").ResourceInOrganization("o-a1b2c3d4e5")
            .NamedRcpLevel(Rcp, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""")
            .Authorize();
        Assert.EndsWith($"with an explicit deny in a resource control policy: {Rcp}", decision.Message);
    }

    [Fact]
    public void An_RCP_deny_names_no_ARN_across_accounts_outside_the_organization()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On("arn:aws:s3:::b/k")
            .Identity(Allow("s3:*")).OwnedBy("222222222222").ResourceInOrganization("o-a1b2c3d4e5")
            .NamedRcpLevel(Rcp, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}]}""")
            .Authorize();
        Assert.EndsWith("with an explicit deny in a resource control policy", decision.Message);
    }
}
