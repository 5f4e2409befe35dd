using Crossgate.Authorization.Tests.Support;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>How <c>sts:AssumeRole</c> is decided: the role's trust policy is the resource policy and must admit the
/// caller itself; naming an account delegates to that account's identity policies (IAM User Guide; the example
/// organization in the shared reference).</summary>
public class AssumeRoleTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string CrossAccountB = "arn:aws:iam::222222222222:role/CrossAccount-B";
    private const string PlatformRole = "arn:aws:iam::111111111111:role/PlatformRole";
    private const string ResponseRoleB = "arn:aws:iam::222222222222:role/PlatformResponseRole";
    private const string TrustsAccountA = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"sts:AssumeRole"}]}""";
    private const string TrustsPlatformRoleWithExternalId = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/PlatformRole"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"crossgate-7f3a"}}}]}""";

    [Fact]
    public void Alex_without_policies_cannot_assume_CrossAccount_B()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(TrustsAccountA).Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Identity, decision.DecidingLayer);

        // STS names no policy type in its AssumeRole refusals.
        Assert.Equal(
            "User: arn:aws:iam::111111111111:user/alex is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/CrossAccount-B",
            decision.Message);
        Assert.Equal("because no identity-based policy allows the sts:AssumeRole action", decision.Reason);
    }

    [Fact]
    public void Alex_with_an_inline_allow_can_assume_CrossAccount_B()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(TrustsAccountA)
            .Identity(Allow("sts:AssumeRole", CrossAccountB), "assume-b")
            .Authorize();

        Assert.True(decision.IsAllowed);
        Assert.Contains(decision.MatchedStatements, s => s.PolicyName == "assume-b");
        Assert.Contains(decision.MatchedStatements, s => s.PolicyName == "trust-policy");
    }

    [Fact]
    public void An_identity_allow_is_never_enough_without_the_trust_policy()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB)
            .Trust(TrustAllow("{\"AWS\":\"333333333333\"}"))
            .Identity(Allow("sts:AssumeRole"))
            .Authorize();

        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
        Assert.Equal("because no role trust policy allows the sts:AssumeRole action", decision.Reason);
    }

    [Fact]
    public void In_the_same_account_a_role_whose_trust_names_nobody_matching_is_refused_even_with_identity_allow()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On("arn:aws:iam::111111111111:role/Admin")
            .Trust(TrustAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/bob\"}"))
            .Identity(Allow("sts:AssumeRole"))
            .Authorize();

        Assert.Equal(EvalDecision.ImplicitDeny, decision.Outcome);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void In_the_same_account_a_trust_policy_naming_the_user_needs_no_identity_policy()
    {
        var decision = Case.As(Alex).Does("sts:AssumeRole").On("arn:aws:iam::111111111111:role/Admin")
            .Trust(TrustAllow("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}"))
            .Authorize();

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void In_the_same_account_a_trust_policy_naming_the_account_needs_an_identity_allow()
    {
        var role = "arn:aws:iam::111111111111:role/Admin";
        var denied = Case.As(Alex).Does("sts:AssumeRole").On(role).Trust(TrustsAccountA).Authorize();
        var allowed = Case.As(Alex).Does("sts:AssumeRole").On(role).Trust(TrustsAccountA).Identity(Allow("sts:AssumeRole", role)).Authorize();

        Assert.Equal(PolicyLayer.Identity, denied.DecidingLayer);
        Assert.True(allowed.IsAllowed);
    }

    [Fact]
    public void PlatformRole_assumes_the_response_role_only_with_the_right_external_id()
    {
        Decision Try(string? externalId)
        {
            var @case = Case.As(PlatformRole).Does("sts:AssumeRole").On(ResponseRoleB)
                .Trust(TrustsPlatformRoleWithExternalId)
                .Identity(Allow("sts:AssumeRole", "arn:aws:iam::*:role/PlatformResponseRole"));
            return (externalId is null ? @case : @case.ExternalId(externalId)).Authorize();
        }

        Assert.True(Try("crossgate-7f3a").IsAllowed);
        Assert.Equal(PolicyLayer.Resource, Try("wrong").DecidingLayer);

        var missing = Try(null);
        Assert.Equal(EvalDecision.ImplicitDeny, missing.Outcome);
        Assert.Contains("sts:ExternalId", missing.MissingContextKeys);
    }

    [Fact]
    public void A_trust_policy_naming_another_role_does_not_admit_this_one()
    {
        var decision = Case.As("arn:aws:iam::111111111111:role/OtherRole").Does("sts:AssumeRole").On(ResponseRoleB)
            .Trust(TrustsPlatformRoleWithExternalId).ExternalId("crossgate-7f3a")
            .Identity(Allow("sts:AssumeRole"))
            .Authorize();

        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Theory]
    [InlineData("{\"AWS\":\"111111111111\"}")]
    [InlineData("{\"AWS\":\"arn:aws:iam::111111111111:root\"}")]
    [InlineData("{\"AWS\":\"arn:aws:iam::111111111111:user/alex\"}")]
    [InlineData("{\"AWS\":\"arn:aws:iam::222222222222:root\"}")]
    public void The_outsider_account_is_refused_whatever_it_sends(string trustedPrincipal)
    {
        var decision = Case.As("arn:aws:iam::444444444444:user/mallory").Does("sts:AssumeRole").On(CrossAccountB)
            .Trust(TrustAllow(trustedPrincipal))
            .Identity(Allow("*"))
            .ExternalId("crossgate-7f3a")
            .Authorize();

        Assert.False(decision.IsAllowed);
        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void Root_users_may_not_assume_roles()
    {
        var decision = Case.As("arn:aws:iam::111111111111:root").Does("sts:AssumeRole").On(CrossAccountB).Trust(TrustsAccountA).Authorize();

        Assert.False(decision.IsAllowed);
        Assert.Equal("Roles may not be assumed by root accounts.", decision.Message);
        Assert.Null(decision.DecidingLayer);
    }

    [Fact]
    public void A_role_does_not_trust_itself_implicitly()
    {
        var decision = Case.As(PlatformRole).Does("sts:AssumeRole").On(PlatformRole)
            .Trust(TrustAllow("{\"Service\":\"ec2.amazonaws.com\"}"))
            .Identity(Allow("sts:AssumeRole"))
            .Authorize();

        Assert.Equal(PolicyLayer.Resource, decision.DecidingLayer);
    }

    [Fact]
    public void A_trust_policy_requiring_MFA_refuses_sessions_without_it()
    {
        const string mfaTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}""";

        var longTermKeys = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(mfaTrust).Identity(Allow("sts:AssumeRole")).Authorize();
        var withoutMfa = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(mfaTrust).Identity(Allow("sts:AssumeRole")).WithTemporaryCredentials(mfa: false).Authorize();
        var withMfa = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(mfaTrust).Identity(Allow("sts:AssumeRole")).WithTemporaryCredentials(mfa: true).Authorize();

        Assert.False(longTermKeys.IsAllowed);
        Assert.Contains("aws:MultiFactorAuthPresent", longTermKeys.MissingContextKeys);
        Assert.False(withoutMfa.IsAllowed);
        Assert.True(withMfa.IsAllowed);
    }

    [Fact]
    public void An_explicit_deny_in_the_trust_policy_wins()
    {
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::111111111111:user/alex"},"Action":"sts:AssumeRole"}]}""";

        var decision = Case.As(Alex).Does("sts:AssumeRole").On(CrossAccountB).Trust(trust).Identity(Allow("sts:AssumeRole")).Authorize();

        Assert.Equal(EvalDecision.ExplicitDeny, decision.Outcome);
        Assert.Equal("with an explicit deny in the role trust policy", decision.Reason);
    }

    [Fact]
    public void Role_chaining_limits_a_session_to_one_hour()
    {
        Assert.Equal((3600, (string?)null), RoleSessionDuration.Resolve(3600, 43200, isRoleChaining: true));
        Assert.Equal(RoleSessionDuration.ExceedsChainingLimit, RoleSessionDuration.Resolve(7200, 43200, isRoleChaining: true).Error);
        Assert.Equal((7200, (string?)null), RoleSessionDuration.Resolve(7200, 43200, isRoleChaining: false));
        Assert.Equal(RoleSessionDuration.ExceedsRoleMaximum, RoleSessionDuration.Resolve(7200, 3600, isRoleChaining: false).Error);
        Assert.Equal(3600, RoleSessionDuration.Resolve(null, 43200, isRoleChaining: false).Seconds);
        Assert.StartsWith("1 validation error detected: Value '899'", RoleSessionDuration.Resolve(899, 3600, false).Error);
    }
}
