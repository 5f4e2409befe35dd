using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>SCPs limit principals of member accounts, RCPs limit resources of member accounts; both need an Allow
/// at every level from the root down, and a Deny at any level denies (Organizations User Guide).</summary>
public class OrganizationPolicyTests
{
    private const string RoleInB = "arn:aws:iam::222222222222:role/Operator";
    private const string DenyLeave = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"organizations:LeaveOrganization","Resource":"*"}]}""";

    [Fact]
    public void The_workloads_SCP_denies_leaving_the_organization_even_to_an_administrator()
    {
        var decision = Case.As(RoleInB).Does("organizations:LeaveOrganization")
            .Identity(Allow("*"))
            .ScpLevel(FullAwsAccess)
            .ScpLevel(FullAwsAccess, DenyLeave)
            .ScpLevel(FullAwsAccess)
            .Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.ServiceControl, decision.DecidingLayer);
        Assert.Equal(
            "User: arn:aws:sts::222222222222:assumed-role/Operator/s1 is not authorized to perform: organizations:LeaveOrganization with an explicit deny in a service control policy",
            decision.Message);
    }

    [Fact]
    public void FullAWSAccess_at_every_level_changes_nothing()
    {
        var decision = Case.As(RoleInB).Does("s3:ListAllMyBuckets").Identity(Allow("s3:*"))
            .ScpLevel(FullAwsAccess).ScpLevel(FullAwsAccess).ScpLevel(FullAwsAccess).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.Allowed, decision.OutcomeOf(PolicyLayer.ServiceControl));
    }

    [Fact]
    public void A_level_without_an_Allow_denies_and_AWS_words_it_as_an_explicit_deny()
    {
        var decision = Case.As(RoleInB).Does("s3:ListAllMyBuckets").Identity(Allow("s3:*"))
            .ScpLevel(FullAwsAccess)
            .ScpLevel(Allow("ec2:*"))
            .Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.ServiceControl, decision.DecidingLayer);
        Assert.EndsWith("with an explicit deny in a service control policy", decision.Message);
        Assert.Equal(LayerOutcome.NoAllow, decision.OutcomeOf(PolicyLayer.ServiceControl));
    }

    [Fact]
    public void An_SCP_does_not_grant_by_itself()
    {
        var decision = Case.As(RoleInB).Does("s3:ListAllMyBuckets").ScpLevel(FullAwsAccess).Authorize();

        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    [Fact]
    public void SCPs_do_not_restrict_service_linked_roles()
    {
        var decision = Case.As("arn:aws:iam::222222222222:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")
            .Does("organizations:LeaveOrganization").Identity(Allow("*"))
            .ScpLevel(FullAwsAccess, DenyLeave).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.NotApplicable, decision.OutcomeOf(PolicyLayer.ServiceControl));
    }

    [Fact]
    public void SCPs_apply_to_the_root_user_of_a_member_account()
    {
        var decision = Case.As("arn:aws:iam::222222222222:root").Does("organizations:LeaveOrganization")
            .ScpLevel(FullAwsAccess, DenyLeave).Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.StartsWith("User: arn:aws:iam::222222222222:root is not authorized", decision.Message);
    }

    [Fact]
    public void An_RCP_denies_outsiders_on_member_account_resources()
    {
        const string denyOutsideOrg = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}""";

        var outsider = Case.As("arn:aws:iam::444444444444:user/mallory").Does("sts:AssumeRole").On(RoleInB)
            .Trust(TrustAllow("{\"AWS\":\"444444444444\"}")).Identity(Allow("*"))
            .RcpLevel(RcpFullAwsAccess, denyOutsideOrg).Authorize();
        var member = Case.As("arn:aws:iam::111111111111:user/alex").Does("sts:AssumeRole").On(RoleInB)
            .Trust(TrustAllow("{\"AWS\":\"111111111111\"}")).Identity(Allow("*")).InOrganization("o-a1b2c3d4e5")
            .RcpLevel(RcpFullAwsAccess, denyOutsideOrg).Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, outsider.Outcome);
        Assert.Equal(PolicyLayer.ResourceControl, outsider.DecidingLayer);
        Assert.Equal("with an explicit deny in a resource control policy", outsider.Reason);
        Assert.True(member.IsAllowed);
    }

    [Fact]
    public void No_levels_means_no_organization_guardrail_as_for_the_management_account()
    {
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("organizations:LeaveOrganization").Identity(Allow("*")).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.NotApplicable, decision.OutcomeOf(PolicyLayer.ServiceControl));
    }
}
