using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>Cross-account access: both the caller's account (identity side) and the resource's account (resource
/// policy) must allow (IAM User Guide, cross-account policy evaluation logic).</summary>
public class CrossAccountTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string QueueInB = "arn:aws:sqs:us-east-1:222222222222:incidents";

    [Fact]
    public void The_identity_side_is_reported_first_as_in_AWSs_own_example()
    {
        var decision = Case.As(Alex).Does("ec2:DescribeInstances").On("arn:aws:ec2:us-east-1:222222222222:instance/*").Authorize();

        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: ec2:DescribeInstances on resource: arn:aws:ec2:us-east-1:222222222222:instance/* because no identity-based policy allows the ec2:DescribeInstances action",
            decision.Message);
    }

    [Fact]
    public void An_identity_allow_alone_does_not_reach_another_account()
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On(QueueInB).Identity(Allow("sqs:SendMessage")).Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
        Assert.EndsWith("because no resource-based policy allows the sqs:SendMessage action", decision.Message);
    }

    [Fact]
    public void A_resource_policy_alone_does_not_let_a_foreign_user_in()
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On(QueueInB)
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "sqs:SendMessage", QueueInB))
            .Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);
    }

    [Theory]
    [InlineData("{\"AWS\":\"111111111111\"}")]
    [InlineData("{\"AWS\":\"arn:aws:iam::111111111111:root\"}")]
    [InlineData("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}")]
    [InlineData("{\"AWS\":\"*\"}")]
    [InlineData("\"*\"")]
    public void Both_sides_allowing_grants_whichever_way_the_resource_policy_names_the_caller(string principal)
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On(QueueInB)
            .Identity(Allow("sqs:SendMessage", QueueInB))
            .ResourcePolicy(ResourceAllow(principal, "sqs:SendMessage", QueueInB))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void A_resource_policy_for_another_account_does_not_let_this_one_in()
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On(QueueInB)
            .Identity(Allow("sqs:SendMessage"))
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"333333333333\"}", "sqs:SendMessage", QueueInB))
            .Authorize();

        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void The_callers_boundary_still_applies_across_accounts()
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On(QueueInB)
            .Identity(Allow("sqs:SendMessage"))
            .ResourcePolicy(ResourceAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}", "sqs:SendMessage", QueueInB))
            .Boundary(Allow("s3:*"))
            .Authorize();

        Assert.Equal(PolicyLayer.PermissionsBoundary, decision.DecidingLayer);
    }

    [Fact]
    public void The_resource_account_can_be_given_when_the_arn_holds_none()
    {
        var request = new AuthorizationRequest
        {
            Principal = RequestPrincipalFor(Alex),
            Action = "s3:GetObject",
            Resource = "arn:aws:s3:::b-bucket/key",
            ResourceAccount = "222222222222",
        };

        Assert.True(request.IsCrossAccount);
        Assert.Equal("222222222222", request.EffectiveResourceAccount);
    }

    [Fact]
    public void A_resource_arn_without_an_account_is_taken_as_the_callers_own()
    {
        var request = new AuthorizationRequest { Principal = RequestPrincipalFor(Alex), Action = "s3:GetObject", Resource = "arn:aws:s3:::mine/key" };

        Assert.False(request.IsCrossAccount);
    }

    private static RequestPrincipal RequestPrincipalFor(string arn)
    {
        Assert.True(PrincipalArnReader.TryRead(arn, out var principal, out _));
        return principal!;
    }
}
