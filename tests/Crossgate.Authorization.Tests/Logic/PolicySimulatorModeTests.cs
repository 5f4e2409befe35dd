using Crossgate.Tests.Shared;
using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>IAM's policy simulator evaluates only the policies it is given; live AWS requires the resource side too.</summary>
public class PolicySimulatorModeTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Role = "arn:aws:iam::222222222222:role/CrossAccount-B";

    [Fact]
    public void AssumeRole_without_a_trust_policy_is_decided_by_identity_policies_in_the_simulator()
    {
        var @case = Case.As(Alex).Does("sts:AssumeRole").On(Role).Identity(Allow("sts:AssumeRole", Role));
        Assert.Equal(EvalDecision.ImplicitDeny, @case.Authorize().Outcome);
        Assert.True(@case.Authorize(EvaluationMode.PolicySimulator).IsAllowed);
    }

    [Fact]
    public void A_trust_policy_given_to_the_simulator_is_evaluated()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On(Role).Identity(Allow("sts:AssumeRole", Role))
            .Trust(TrustAllow("{\"AWS\":\"333333333333\"}")).Authorize(EvaluationMode.PolicySimulator);
        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void A_resource_in_another_account_needs_no_resource_policy_in_the_simulator()
    {
        var @case = Case.As(Alex).Does("sqs:SendMessage").On("arn:aws:sqs:us-east-1:222222222222:q").Identity(Allow("sqs:SendMessage"));
        Assert.Equal(EvalDecision.ImplicitDeny, @case.Authorize().Outcome);
        Assert.True(@case.Authorize(EvaluationMode.PolicySimulator).IsAllowed);
    }

    [Fact]
    public void The_literal_resource_star_matches_only_statements_on_star()
    {
        Assert.Equal(EvalDecision.ImplicitDeny,
            Case.As(Alex).Does("s3:GetObject").On("*").Identity(Allow("s3:GetObject", "arn:aws:s3:::bucket/*")).Authorize(EvaluationMode.PolicySimulator).Outcome);
        Assert.True(Case.As(Alex).Does("s3:GetObject").On("*").Identity(Allow("s3:GetObject")).Authorize(EvaluationMode.PolicySimulator).IsAllowed);
    }

    [Fact]
    public void Explicit_denies_and_guardrails_still_apply_in_the_simulator()
    {
        var decision = Case.As(Alex).Does("sqs:SendMessage").On("arn:aws:sqs:us-east-1:222222222222:q").Identity(Allow("sqs:*"))
            .ScpLevel(FullAwsAccess, Deny("sqs:SendMessage")).Authorize(EvaluationMode.PolicySimulator);
        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.ServiceControl, decision.DecidingLayer);
    }

    [Fact]
    public void The_simulator_decides_without_allocating()
    {
        var @case = Case.As(Alex).Does("sts:AssumeRole").On(Role).Identity(Allow("sts:AssumeRole", Role)).ScpLevel(FullAwsAccess);
        var request = @case.Request();
        var policies = @case.Policies();
        Assert.Equal(0, Allocations.FewestBytes(() => Assert.True(Authorizer.Decide(request, policies, EvaluationMode.PolicySimulator).IsAllowed)));
    }
}
