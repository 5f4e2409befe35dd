using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>Which elements each policy kind must, may and must not carry (§1.1, §1.6, §1.7, §2.1, §2.4).</summary>
public class PolicyKindTests
{
    private const string WithPrincipalStar = "'Effect':'Allow','Principal':'*','Action':'s3:GetObject','Resource':'*'";

    [Theory]
    [InlineData(PolicyKind.Identity, "Principal")]
    [InlineData(PolicyKind.Identity, "NotPrincipal")]
    [InlineData(PolicyKind.PermissionsBoundary, "Principal")]
    [InlineData(PolicyKind.Session, "Principal")]
    [InlineData(PolicyKind.Session, "NotPrincipal")]
    public void Identity_side_policies_must_not_specify_a_principal(PolicyKind kind, string element) =>
        AssertFails(OneStatement("'Effect':'Deny','" + element + "':{'AWS':'111111111111'},'Action':'s3:*','Resource':'*'"), kind,
            PolicyMessages.ShouldNotSpecifyPrincipal, "$.Statement." + element);

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.Session)]
    public void Identity_side_policies_need_resources(PolicyKind kind) =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:*'"), kind, PolicyMessages.MustContainResources, "$.Statement");

    [Fact]
    public void Resource_policies_require_a_principal() =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'"), PolicyKind.Resource,
            PolicyMessages.MissingPrincipal, "$.Statement");

    [Fact]
    public void Resource_policies_need_resources() =>
        AssertFails(OneStatement("'Effect':'Allow','Principal':'*','Action':'s3:GetObject'"), PolicyKind.Resource,
            PolicyMessages.MustContainResources, "$.Statement");

    [Fact]
    public void Trust_policies_require_a_principal() =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'sts:AssumeRole'"), PolicyKind.Trust, PolicyMessages.MissingPrincipal, "$.Statement");

    [Theory]
    [InlineData("Resource")]
    [InlineData("NotResource")]
    public void Trust_policies_prohibit_resources(string element) =>
        AssertFails(TrustStatement(",'" + element + "':'*'"), PolicyKind.Trust, PolicyMessages.ProhibitedField(element), "$.Statement." + element);

    [Fact]
    public void Trust_policies_prohibit_NotPrincipal() =>
        AssertFails(OneStatement("'Effect':'Deny','NotPrincipal':{'AWS':'111111111111'},'Action':'sts:AssumeRole'"), PolicyKind.Trust,
            PolicyMessages.ProhibitedField("NotPrincipal"), "$.Statement.NotPrincipal");

    [Theory]
    [InlineData("sts:AssumeRole")]
    [InlineData("sts:AssumeRoleWithSAML")]
    [InlineData("sts:AssumeRoleWithWebIdentity")]
    [InlineData("sts:TagSession")]
    [InlineData("sts:SetSourceIdentity")]
    [InlineData("sts:SetContext")]
    [InlineData("sts:*")]
    [InlineData("sts:AssumeRole*")]
    [InlineData("STS:assumerole")]
    public void Trust_policies_accept_the_assume_role_family(string action) =>
        AssertOk(OneStatement("'Effect':'Allow','Principal':{'Service':'ec2.amazonaws.com'},'Action':'" + action + "'"), PolicyKind.Trust);

    [Theory]
    [InlineData("['sts:AssumeRole','s3:GetObject']", "$.Statement.Action[1]")]
    [InlineData("'sts:GetCallerIdentity'", "$.Statement.Action")]
    [InlineData("'*'", "$.Statement.Action")]
    [InlineData("'iam:PassRole'", "$.Statement.Action")]
    [InlineData("['sts:TagSession','sts:GetSessionToken']", "$.Statement.Action[1]")]
    public void Trust_policy_actions_outside_the_family_are_refused(string action, string path) =>
        AssertFails(OneStatement("'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':" + action), PolicyKind.Trust,
            PolicyMessages.TrustPolicyActions, path);

    [Fact]
    public void Trust_policy_NotAction_is_refused() =>
        AssertFails(OneStatement("'Effect':'Deny','Principal':'*','NotAction':'sts:AssumeRole'"), PolicyKind.Trust,
            PolicyMessages.TrustPolicyActions, "$.Statement.NotAction");

    [Fact]
    public void SCPs_refuse_a_principal() =>
        AssertFails(OneStatement(WithPrincipalStar), PolicyKind.ServiceControl, PolicyMessages.OrganizationsPolicyTypeMismatch, "$.Statement.Principal");

    [Theory]
    [InlineData("{'Version':'2008-10-17','Statement':{'Effect':'Deny','Action':'organizations:LeaveOrganization','Resource':'*'}}", "$.Version")]
    [InlineData("{'Statement':{'Effect':'Deny','Action':'organizations:LeaveOrganization','Resource':'*'}}", "$")]
    public void SCPs_require_version_2012_10_17(string json, string path) =>
        AssertFails(Q(json), PolicyKind.ServiceControl, PolicyMessages.OrganizationsPolicyTypeMismatch, path);

    [Theory]
    [InlineData("'Effect':'Allow','Action':'*','Resource':'*'")]
    [InlineData("'Effect':'Deny','Action':'organizations:LeaveOrganization','Resource':'*'")]
    [InlineData("'Effect':'Allow','NotAction':'iam:*','Resource':'*'")]
    [InlineData("'Effect':'Allow','Action':'ec2:*','NotResource':'arn:aws:ec2:*:*:vpc/*','Condition':{'StringEquals':{'aws:RequestedRegion':'eu-west-1'}}")]
    [InlineData("'Effect':'Deny','Action':'s3:*'")]
    public void SCPs_accept_current_syntax(string body) => AssertOk(OneStatement(body), PolicyKind.ServiceControl);

    [Fact]
    public void RCPFullAWSAccess_is_accepted() =>
        AssertOk(OneStatement("'Effect':'Allow','Principal':'*','Action':'*','Resource':'*'"), PolicyKind.ResourceControl);

    [Theory]
    [InlineData("'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*','Condition':{'StringNotEqualsIfExists':{'aws:PrincipalOrgID':'o-abc1234567'}}")]
    [InlineData("'Effect':'Deny','Principal':'*','Action':'sts:AssumeRole','NotResource':'arn:aws:iam::*:role/Break*'")]
    [InlineData("'Effect':'Deny','Principal':{'AWS':'*'},'Action':'kms:*','Resource':'*'")]
    public void RCP_deny_statements_with_principal_star_are_accepted(string body) => AssertOk(OneStatement(body), PolicyKind.ResourceControl);

    [Theory]
    [InlineData("'Effect':'Allow','Principal':'*','Action':'s3:*','Resource':'*'", "$.Statement.Effect")]
    [InlineData("'Effect':'Allow','Principal':'*','Action':'*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}", "$.Statement.Effect")]
    [InlineData("'Effect':'Deny','Principal':{'AWS':'111111111111'},'Action':'s3:*','Resource':'*'", "$.Statement.Principal")]
    [InlineData("'Effect':'Deny','NotPrincipal':{'AWS':'111111111111'},'Action':'s3:*','Resource':'*'", "$.Statement.NotPrincipal")]
    [InlineData("'Effect':'Deny','Action':'s3:*','Resource':'*'", "$.Statement")]
    [InlineData("'Effect':'Deny','Principal':'*','NotAction':'s3:*','Resource':'*'", "$.Statement.NotAction")]
    [InlineData("'Effect':'Deny','Principal':'*','Action':'s3:*'", "$.Statement")]
    public void RCPs_refuse_what_their_syntax_does_not_allow(string body, string path) =>
        AssertFails(OneStatement(body), PolicyKind.ResourceControl, PolicyMessages.OrganizationsPolicyTypeMismatch, path);

    [Fact]
    public void RCPs_require_version_2012_10_17() =>
        AssertFails(Q("{'Statement':{'Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'*'}}"), PolicyKind.ResourceControl,
            PolicyMessages.OrganizationsPolicyTypeMismatch, "$");

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Trust)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    [InlineData(PolicyKind.Session)]
    [InlineData(PolicyKind.Resource)]
    public void IAM_kinds_accept_a_missing_version(PolicyKind kind)
    {
        var body = kind switch
        {
            PolicyKind.Trust => "'Effect':'Allow','Principal':{'AWS':'111111111111'},'Action':'sts:AssumeRole'",
            PolicyKind.Resource => WithPrincipalStar,
            _ => "'Effect':'Allow','Action':'s3:*','Resource':'*'",
        };
        Assert.Null(AssertOk(Q("{'Statement':{" + body + "}}"), kind).Version);
    }
}
