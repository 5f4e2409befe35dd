using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>The remaining rows of the IAM User Guide's same-account table (resource-policy grants against implicit
/// denies) and the denial wording of each guardrail for non-STS actions.</summary>
public class TableRowTests
{
    private const string Object = "arn:aws:s3:::reports/q1.csv";

    [Fact]
    public void A_resource_policy_naming_the_federated_user_grants_past_everything_implicit()
    {
        var decision = Case.As("arn:aws:sts::111111111111:federated-user/carol").Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:sts::111111111111:federated-user/carol\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void An_explicit_deny_in_an_identity_policy_also_blocks_a_direct_resource_grant()
    {
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("s3:GetObject").On(Object)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "s3:GetObject", "arn:aws:s3:::reports/*"))
            .Identity(Deny("s3:*"))
            .Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    [Fact]
    public void Across_accounts_a_grant_naming_the_session_still_needs_the_sessions_own_permissions()
    {
        const string session = "arn:aws:sts::111111111111:assumed-role/Analyst/s1";
        const string queue = "arn:aws:sqs:us-east-1:222222222222:incidents";
        var resourcePolicy = ResourceAllow("{\"AWS\":\"arn:aws:sts::111111111111:assumed-role/Analyst/s1\"}", "sqs:SendMessage", queue);

        var without = Case.As(session).Does("sqs:SendMessage").On(queue).ResourcePolicy(resourcePolicy).Authorize();
        var with = Case.As(session).Does("sqs:SendMessage").On(queue).ResourcePolicy(resourcePolicy).Identity(Allow("sqs:*")).Authorize();

        Assert.Equal(PolicyLayer.Identity, without.DecidingLayer);
        Assert.True(with.IsAllowed);
    }

    [Fact]
    public void An_RCP_deny_on_a_bucket_is_worded_as_a_resource_control_policy()
    {
        const string denyUnencrypted = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*","Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}""";

        var decision = Case.As("arn:aws:iam::222222222222:user/dana").Does("s3:GetObject").On("arn:aws:s3:::b-data/file")
            .Identity(Allow("s3:*")).Context("aws:SecureTransport", "false")
            .RcpLevel(RcpFullAwsAccess, denyUnencrypted).Authorize();

        Assert.Equal(
            "User: arn:aws:iam::222222222222:user/dana is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::b-data/file with an explicit deny in a resource control policy",
            decision.Message);
    }

    [Fact]
    public void An_RCP_level_without_an_Allow_denies()
    {
        var decision = Case.As("arn:aws:iam::222222222222:user/dana").Does("s3:GetObject").On("arn:aws:s3:::b-data/file")
            .Identity(Allow("s3:*")).RcpLevel(RcpFullAwsAccess).RcpLevel("""{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}]}""")
            .Authorize();

        Assert.Equal(PolicyLayer.ResourceControl, decision.DecidingLayer);
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
    }

    [Fact]
    public void An_empty_RCP_level_stands_for_RCPFullAWSAccess()
    {
        var request = Case.As("arn:aws:iam::222222222222:user/dana").Does("s3:GetObject").On("arn:aws:s3:::b-data/file").Identity(Allow("s3:*"));
        var policies = request.Policies();
        var withEmptyLevel = new PolicySet
        {
            IdentityPolicies = policies.IdentityPolicies,
            ResourceControlPolicies = [[]],
            ServiceControlPolicies = [],
        };

        Assert.True(Authorizer.Decide(request.Request(), withEmptyLevel).IsAllowed);
    }

    [Fact]
    public void An_empty_SCP_level_allows_nothing()
    {
        var request = Case.As("arn:aws:iam::222222222222:user/dana").Does("s3:GetObject").On("arn:aws:s3:::b-data/file").Identity(Allow("s3:*"));
        var withEmptyLevel = new PolicySet { IdentityPolicies = request.Policies().IdentityPolicies, ServiceControlPolicies = [[]] };

        Assert.Equal(PolicyLayer.ServiceControl, Authorizer.Decide(request.Request(), withEmptyLevel).DecidingLayer);
    }

    [Fact]
    public void A_multi_valued_key_against_a_plain_operator_does_not_match()
    {
        // aws-iam-semantics.md §2.5: without ForAllValues/ForAnyValue a set-valued key never satisfies a
        // single-valued operator.
        var decision = Case.As("arn:aws:iam::111111111111:user/alex").Does("ec2:CreateTags").On("arn:aws:ec2:us-east-1:111111111111:instance/i-1")
            .Identity(Allow("ec2:CreateTags", "*", """{"StringEquals":{"aws:TagKeys":"env"}}"""))
            .ContextMulti("aws:TagKeys", "env", "owner")
            .Authorize();

        Assert.False(decision.IsAllowed);
    }

    [Fact]
    public void ForAllValues_admits_only_listed_tag_keys()
    {
        Decision Try(params string[] keys) => Case.As("arn:aws:iam::111111111111:user/alex").Does("ec2:CreateTags").On("arn:aws:ec2:us-east-1:111111111111:instance/i-1")
            .Identity(Allow("ec2:CreateTags", "*", """{"ForAllValues:StringEquals":{"aws:TagKeys":["env","owner"]}}"""))
            .ContextMulti("aws:TagKeys", keys)
            .Authorize();

        Assert.True(Try("env").IsAllowed);
        Assert.True(Try("env", "owner").IsAllowed);
        Assert.False(Try("env", "cost").IsAllowed);
    }
}
