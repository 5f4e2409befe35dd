using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class ActionFindingTests
{
    [Fact]
    public void A_clean_cross_account_assume_role_policy_has_no_findings()
    {
        var findings = Lint(Allow(["sts:AssumeRole"], "arn:aws:iam::222222222222:role/CrossAccount-B"));
        Assert.Empty(findings);
    }

    [Fact]
    public void Unknown_service_is_an_error_at_the_action()
    {
        var finding = Single(Lint(Allow(["s4:GetObject"], "*")), FindingCodes.InvalidServiceInAction);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Statement[0].Action[0]", finding.Path);
        Assert.Equal("The service s4 specified in the action does not exist.", finding.Message);
    }

    [Fact]
    public void Unknown_action_is_an_error_with_a_suggestion()
    {
        var finding = Single(Lint(Allow(["s3:ListBucket", "s3:GetObjcet"], "*")), FindingCodes.InvalidAction);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Statement[0].Action[1]", finding.Path);
        Assert.Equal("The action s3:GetObjcet does not exist. Did you mean s3:GetObject?", finding.Message);
    }

    [Fact]
    public void Wildcard_matching_no_action_is_an_error()
    {
        var finding = Single(Lint(Allow(["ec2:Descrbe*"], "*")), FindingCodes.InvalidAction);
        Assert.Equal("The action ec2:Descrbe* does not exist.", finding.Message);
    }

    [Theory]
    [InlineData("S3:GETOBJECT")]
    [InlineData("ec2:Describe*")]
    [InlineData("*")]
    [InlineData("s3:*")]
    public void Known_actions_and_matching_wildcards_are_fine(string action)
    {
        var findings = Lint(Allow([action], "*"));
        None(findings, FindingCodes.InvalidAction);
        None(findings, FindingCodes.InvalidServiceInAction);
    }

    [Fact]
    public void Unknown_actions_in_NotAction_are_reported_with_a_NotAction_path()
    {
        var statement = new Statement
        {
            Index = 0, Effect = Effect.Deny, Actions = ["iam:*", "organizations:NoSuchAction"], IsNotAction = true,
            Resources = ["*"], HasResource = true,
        };
        var finding = Single(Lint(statement), FindingCodes.InvalidAction);
        Assert.Equal("Statement[0].NotAction[1]", finding.Path);
    }

    [Fact]
    public void An_action_covered_by_a_wildcard_in_the_same_statement_is_redundant()
    {
        var finding = Single(Lint(Allow(["iam:Get*", "iam:List*", "iam:GetCredentialReport"], "*")), FindingCodes.RedundantAction);
        Assert.Equal(FindingSeverity.Suggestion, finding.Severity);
        Assert.Equal("Statement[0].Action[2]", finding.Path);
    }

    [Fact]
    public void A_partly_covered_wildcard_is_not_redundant() =>
        None(Lint(Allow(["iam:Get*", "iam:*CredentialReport"], "*")), FindingCodes.RedundantAction);

    [Fact]
    public void A_repeated_action_is_redundant_once()
    {
        var finding = Single(Lint(Allow(["s3:GetObject", "s3:getobject"], "arn:aws:s3:::b/*")), FindingCodes.RedundantAction);
        Assert.Equal("Statement[0].Action[1]", finding.Path);
    }
}
