using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>Permissions boundaries and session policies are ceilings: they never grant, and their implicit or
/// explicit denies are reported by name (IAM User Guide, boundaries and session policies).</summary>
public class BoundaryAndSessionTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Session = "arn:aws:sts::111111111111:assumed-role/Analyst/alex-laptop";
    private const string Object = "arn:aws:s3:::reports/q1.csv";

    [Fact]
    public void Identity_and_boundary_together_allow()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object).Identity(Allow("s3:*")).Boundary(Allow("s3:Get*")).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.Allowed, decision.OutcomeOf(PolicyLayer.PermissionsBoundary));
    }

    [Fact]
    public void A_boundary_never_grants_on_its_own()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object).Boundary(Allow("*")).Authorize();

        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    [Fact]
    public void A_boundary_without_an_allow_is_named_in_the_message()
    {
        var decision = Case.As(Alex).Does("s3:PutObject").On(Object).Identity(Allow("s3:*")).Boundary(Allow("s3:Get*")).Authorize();

        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::reports/q1.csv because no permissions boundary allows the s3:PutObject action",
            decision.Message);
        Assert.Equal(LayerOutcome.NoAllow, decision.OutcomeOf(PolicyLayer.PermissionsBoundary));
    }

    [Fact]
    public void An_explicit_deny_in_a_boundary_is_named_in_the_message()
    {
        var decision = Case.As(Alex).Does("s3:PutObject").On(Object).Identity(Allow("s3:*"))
            .Boundary("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}]}""")
            .Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.EndsWith("with an explicit deny in a permissions boundary", decision.Message);
    }

    [Fact]
    public void A_session_policy_narrows_the_roles_permissions()
    {
        var allowed = Case.As(Session).Does("s3:GetObject").On(Object).Identity(Allow("s3:*")).Session(Allow("s3:GetObject")).Authorize();
        var denied = Case.As(Session).Does("s3:PutObject").On(Object).Identity(Allow("s3:*")).Session(Allow("s3:GetObject")).Authorize();

        Assert.True(allowed.IsAllowed);
        Assert.Equal(
            "User: arn:aws:sts::111111111111:assumed-role/Analyst/alex-laptop is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::reports/q1.csv because no session policy allows the s3:PutObject action",
            denied.Message);
    }

    [Fact]
    public void Several_session_policies_are_one_ceiling_made_of_their_union()
    {
        var decision = Case.As(Session).Does("s3:PutObject").On(Object).Identity(Allow("s3:*"))
            .Session(Allow("s3:GetObject")).Session(Allow("s3:PutObject")).Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void An_explicit_deny_in_a_session_policy_is_named_in_the_message()
    {
        var decision = Case.As(Session).Does("s3:GetObject").On(Object).Identity(Allow("s3:*")).Session(Deny("s3:*")).Authorize();

        Assert.EndsWith("with an explicit deny in a session policy", decision.Message);
    }

    [Fact]
    public void A_role_session_without_session_policies_keeps_the_roles_permissions()
    {
        var decision = Case.As(Session).Does("s3:GetObject").On(Object).Identity(Allow("s3:*")).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.NotApplicable, decision.OutcomeOf(PolicyLayer.Session));
    }

    [Fact]
    public void A_federated_user_session_without_a_session_policy_has_no_permissions()
    {
        var decision = Case.As("arn:aws:sts::111111111111:federated-user/carol").Does("s3:GetObject").On(Object).Identity(Allow("s3:*")).Authorize();

        Assert.Equal(PolicyLayer.Session, decision.DecidingLayer);
    }

    [Fact]
    public void Session_policies_do_not_apply_to_IAM_users()
    {
        var decision = Case.As(Alex).Does("s3:PutObject").On(Object).Identity(Allow("s3:*")).Session(Allow("s3:GetObject")).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.NotApplicable, decision.OutcomeOf(PolicyLayer.Session));
    }
}
