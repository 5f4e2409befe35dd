using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>Single-account evaluation: identity policies, and the IAM User Guide's table of how a resource policy's
/// grant interacts with implicit denies depending on which ARN it names.</summary>
public class SameAccountTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Bucket = "arn:aws:s3:::reports";
    private const string Object = "arn:aws:s3:::reports/q1.csv";
    private const string RoleSession = "arn:aws:iam::111111111111:role/Analyst";

    [Fact]
    public void Nothing_allows_so_the_request_is_implicitly_denied_by_the_identity_layer()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object).Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/q1.csv because no identity-based policy allows the s3:GetObject action",
            decision.Message);
    }

    [Fact]
    public void An_identity_allow_grants()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object).Identity(Allow("s3:GetObject", "arn:aws:s3:::reports/*")).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Null(decision.Message);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
        var matched = Assert.Single(decision.MatchedStatements);
        Assert.Equal(PolicyLayer.Identity, matched.Layer);
        Assert.Equal("identity0", matched.PolicyName);
    }

    [Fact]
    public void Statements_across_policies_of_one_layer_are_ORed()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .Identity(Allow("ec2:*"))
            .Identity(Allow("s3:Get*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void An_explicit_deny_in_an_identity_policy_beats_any_allow()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .Identity(Allow("s3:*"))
            .Identity(Deny("s3:GetObject", "arn:aws:s3:::reports/*"))
            .ResourcePolicy(ResourceAllow("\"*\"", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::reports/q1.csv with an explicit deny in an identity-based policy",
            decision.Message);
        Assert.Equal(3, decision.MatchedStatements.Length);
    }

    [Fact]
    public void An_explicit_deny_in_a_resource_policy_is_named_as_such()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .Identity(Allow("s3:*"))
            .ResourcePolicy(ResourceDeny("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.EndsWith("with an explicit deny in a resource-based policy", decision.Message);
    }

    [Fact]
    public void A_resource_policy_naming_the_user_grants_without_any_identity_policy()
    {
        // Table row: IAM user named by its ARN → identity implicit deny ignored.
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void A_resource_policy_naming_the_user_is_not_limited_by_the_users_boundary()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Boundary(Allow("ec2:*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void A_resource_policy_naming_the_account_is_a_delegation_that_needs_an_identity_allow()
    {
        var resourcePolicy = ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:root\"}", "s3:GetObject", "arn:aws:s3:::reports/*");

        var without = Case.As(Alex).Does("s3:GetObject").On(Object).ResourcePolicy(resourcePolicy).Authorize();
        var with = Case.As(Alex).Does("s3:GetObject").On(Object).ResourcePolicy(resourcePolicy).Identity(Allow("s3:GetObject")).Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, without.Outcome);
        Assert.Equal(PolicyLayer.Identity, without.DecidingLayer);
        Assert.True(with.IsAllowed);
    }

    [Fact]
    public void A_resource_policy_naming_the_account_by_its_bare_id_is_the_same_delegation()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"111111111111\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
    }

    [Fact]
    public void A_resource_policy_naming_the_session_grants_past_boundary_and_session_policy()
    {
        // Table row: role session named by its assumed-role ARN → boundary and session policy ignored.
        var decision = Case.As(RoleSession).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:sts::111111111111:assumed-role/Analyst/s1\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Boundary(Allow("ec2:*"))
            .Session(Allow("ec2:*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void A_resource_policy_naming_the_role_ignores_identity_but_is_limited_by_the_boundary()
    {
        // Table row: role session, policy names the role ARN → identity ignored, boundary applies.
        var resourcePolicy = ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:role/Analyst\"}", "s3:GetObject", "arn:aws:s3:::reports/*");

        var noBoundary = Case.As(RoleSession).Does("s3:GetObject").On(Object).ResourcePolicy(resourcePolicy).Authorize();
        var boundaryDenies = Case.As(RoleSession).Does("s3:GetObject").On(Object).ResourcePolicy(resourcePolicy).Boundary(Allow("ec2:*")).Authorize();

        Assert.True(noBoundary.IsAllowed);
        Assert.Equal(EvalDecision.ImplicitDeny, boundaryDenies.Outcome);
        Assert.Equal(PolicyLayer.PermissionsBoundary, boundaryDenies.DecidingLayer);
        Assert.EndsWith("because no permissions boundary allows the s3:GetObject action", boundaryDenies.Message);
    }

    [Fact]
    public void A_resource_policy_naming_the_role_is_limited_by_the_session_policy()
    {
        var decision = Case.As(RoleSession).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:role/Analyst\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Session(Allow("ec2:*"))
            .Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Session, decision.DecidingLayer);
        Assert.EndsWith("because no session policy allows the s3:GetObject action", decision.Message);
    }

    [Fact]
    public void A_resource_policy_naming_everyone_grants_in_the_same_account()
    {
        var decision = Case.As(Alex).Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("\"*\"", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void The_message_leaves_out_the_resource_for_actions_on_star()
    {
        var decision = Case.As(Alex).Does("iam:ListUsers").Authorize();

        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: iam:ListUsers because no identity-based policy allows the iam:ListUsers action",
            decision.Message);
    }

    [Fact]
    public void The_root_user_needs_no_policy_in_its_own_account()
    {
        var decision = Case.As("arn:aws:iam::111111111111:root").Does("s3:DeleteBucket").On(Bucket).Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(LayerOutcome.NotApplicable, decision.OutcomeOf(PolicyLayer.Identity));
    }

    [Fact]
    public void Anonymous_callers_get_in_only_through_a_resource_policy_for_everyone()
    {
        var open = Case.As("anonymous").Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("\"*\"", "s3:GetObject", "arn:aws:s3:::reports/*")).Authorize();
        var accountOnly = Case.As("anonymous").Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"111111111111\"}", "s3:GetObject", "arn:aws:s3:::reports/*")).Authorize();

        Assert.True(open.IsAllowed);
        Assert.Equal(EvalDecision.ImplicitDeny, accountOnly.Outcome);
        Assert.StartsWith("User: anonymous is not authorized to perform: s3:GetObject", accountOnly.Message);
    }

    [Fact]
    public void A_service_principal_is_let_in_by_a_resource_policy_naming_the_service()
    {
        var decision = Case.As("cloudtrail.amazonaws.com").Does("s3:PutObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"Service\":\"cloudtrail.amazonaws.com\"}", "s3:PutObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }
}
