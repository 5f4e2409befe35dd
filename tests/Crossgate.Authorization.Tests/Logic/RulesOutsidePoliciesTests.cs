using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>Decisions no policy changes: GetCallerIdentity needs no permission; what only AWS may change stays
/// unchanged even under <c>"Action": "*"</c>; a KMS key needs its key policy.</summary>
public class RulesOutsidePoliciesTests
{
    private const string Admin = "arn:aws:iam::111111111111:user/admin";

    [Fact]
    public void GetCallerIdentity_needs_no_permission_even_under_an_explicit_deny()
    {
        var decision = Case.As(Admin).Does("sts:GetCallerIdentity")
            .Identity(Deny("*"))
            .ScpLevel(Deny("sts:*"))
            .Authorize();
        Assert.True(decision.IsAllowed);
        Assert.Equal(DecisionRule.NeedsNoPermission, decision.Rule);
        Assert.Null(decision.Message);
    }

    [Fact]
    public void GetCallerIdentity_needs_no_permission_without_any_policy() =>
        Assert.True(Case.As("arn:aws:iam::111111111111:role/R").Does("sts:getcalleridentity").Authorize().IsAllowed);

    [Theory]
    [InlineData("iam:DeletePolicy", "arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData("iam:CreatePolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("iam:SetDefaultPolicyVersion", "arn:aws:iam::aws:policy/ReadOnlyAccess")]
    [InlineData("iam:TagPolicy", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess")]
    [InlineData("iam:AttachRolePolicy", "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef")]
    [InlineData("iam:PutRolePolicy", "arn:aws:iam::111111111111:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty")]
    [InlineData("iam:DetachRolePolicy", "arn:aws:iam::111111111111:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")]
    [InlineData("iam:DeleteRole", "arn:aws:iam::111111111111:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")]
    [InlineData("iam:UpdateAssumeRolePolicy", "arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef")]
    [InlineData("kms:DeleteAlias", "arn:aws:kms:us-east-1:111111111111:alias/aws/s3")]
    [InlineData("kms:UpdateAlias", "arn:aws:kms:us-east-1:111111111111:alias/aws/ebs")]
    public void What_only_AWS_may_change_is_an_implicit_deny_even_for_Action_star(string action, string resource)
    {
        var decision = Case.As(Admin).Does(action).On(resource).Identity(Allow("*")).Authorize();
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(DecisionRule.ProtectedResource, decision.Rule);
        Assert.Equal($"User: {Admin} is not authorized to perform: {action} on resource: {resource}", decision.Message);
        Assert.NotNull(decision.Reason);
    }

    [Theory]
    [InlineData("iam:GetPolicy", "arn:aws:iam::aws:policy/AdministratorAccess")]
    [InlineData("iam:AttachRolePolicy", "arn:aws:iam::111111111111:role/app/aws-reserved-lookalike")]
    [InlineData("iam:DeletePolicy", "arn:aws:iam::111111111111:policy/AdministratorAccess")]
    [InlineData("kms:DeleteAlias", "arn:aws:kms:us-east-1:111111111111:alias/app/s3")]
    [InlineData("iam:TagRole", "arn:aws:iam::111111111111:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport")]
    public void Everything_else_follows_the_policies(string action, string resource) =>
        Assert.True(Case.As(Admin).Does(action).On(resource).Identity(Allow("*")).Authorize().IsAllowed);

    [Fact]
    public void A_policy_deny_is_still_reported_as_the_policy_deny()
    {
        var decision = Case.As(Admin).Does("iam:DeletePolicy").On("arn:aws:iam::aws:policy/AdministratorAccess").Authorize();
        Assert.Equal(DecisionRule.Policies, decision.Rule);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    private const string Key = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private const string DefaultKeyPolicy =
        """{"Version":"2012-10-17","Statement":[{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}]}""";

    [Fact]
    public void A_KMS_key_without_a_key_policy_is_an_implicit_deny_that_says_so()
    {
        var decision = Case.As(Admin).Does("kms:Decrypt").On(Key).Identity(Allow("kms:*")).Authorize();
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(DecisionRule.MissingKeyPolicy, decision.Rule);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
        Assert.Equal($"User: {Admin} is not authorized to perform: kms:Decrypt on resource: {Key} because no resource-based policy allows the kms:Decrypt action", decision.Message);
        Assert.Equal(DenialMessage.MissingKeyPolicy, decision.Reason);
    }

    [Fact]
    public void The_default_key_policy_lets_identity_policies_grant_access() =>
        Assert.True(Case.As(Admin).Does("kms:Decrypt").On(Key).Identity(Allow("kms:*")).ResourcePolicy(DefaultKeyPolicy).Authorize().IsAllowed);

    [Fact]
    public void The_default_key_policy_alone_grants_nothing_without_an_identity_allow()
    {
        var decision = Case.As(Admin).Does("kms:Decrypt").On(Key).ResourcePolicy(DefaultKeyPolicy).Authorize();
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    [Fact]
    public void A_key_policy_that_does_not_allow_the_account_makes_identity_allows_useless()
    {
        var keyPolicy = ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/other\"}", "kms:*");
        var decision = Case.As(Admin).Does("kms:Decrypt").On(Key).Identity(Allow("kms:*")).ResourcePolicy(keyPolicy).Authorize();
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void A_key_policy_naming_the_caller_grants_on_its_own() =>
        Assert.True(Case.As(Admin).Does("kms:Decrypt").On(Key).ResourcePolicy(ResourceAllow($"{{\"AWS\":\"{Admin}\"}}", "kms:Decrypt")).Authorize().IsAllowed);
}
