using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class PrincipalFindingTests
{
    private static PrincipalSet Aws(params string[] values) => new() { Aws = [.. values] };

    [Fact]
    public void Trusting_everyone_without_a_condition_is_a_security_warning()
    {
        var finding = Single(Lint(Document(PolicyKind.Trust, TrustStatement(PrincipalSet.Wildcard))), FindingCodes.WildcardPrincipalWithoutCondition);
        Assert.Equal(FindingSeverity.SecurityWarning, finding.Severity);
        Assert.Equal("Statement[0].Principal", finding.Path);
    }

    [Fact]
    public void Trusting_everyone_in_the_organization_is_fine() =>
        None(Lint(Document(PolicyKind.Trust, TrustStatement(PrincipalSet.Wildcard, When("StringEquals", "aws:PrincipalOrgID", "o-a1b2c3d4e5")))),
            FindingCodes.WildcardPrincipalWithoutCondition);

    [Theory]
    [InlineData("111111111111")]
    [InlineData("arn:aws:iam::111111111111:root")]
    public void Trusting_a_whole_foreign_account_without_a_condition_is_a_security_warning(string principal)
    {
        var findings = Lint(Document(PolicyKind.Trust, TrustStatement(Aws(principal))), new LintOptions { OwnerAccountId = "222222222222" });
        var finding = Single(findings, FindingCodes.TrustsAccountWithoutCondition);
        Assert.Equal("Statement[0].Principal.AWS[0]", finding.Path);
        Assert.Contains("111111111111", finding.Message);
    }

    [Fact]
    public void Trusting_the_owner_account_is_fine() =>
        None(Lint(Document(PolicyKind.Trust, TrustStatement(Aws("arn:aws:iam::222222222222:root"))), new LintOptions { OwnerAccountId = "222222222222" }),
            FindingCodes.TrustsAccountWithoutCondition);

    [Fact]
    public void Trusting_an_account_with_an_external_id_is_fine() =>
        None(Lint(Document(PolicyKind.Trust, TrustStatement(Aws("111111111111"), When("StringEquals", "sts:ExternalId", "x-42")))),
            FindingCodes.TrustsAccountWithoutCondition);

    [Fact]
    public void Trusting_a_named_role_is_fine() =>
        Assert.Empty(Lint(Document(PolicyKind.Trust, TrustStatement(Aws("arn:aws:iam::111111111111:role/PlatformRole")))));

    [Fact]
    public void Allow_with_NotPrincipal_is_a_security_warning()
    {
        var statement = new Statement
        {
            Index = 0, Effect = Effect.Allow, Principal = Aws("arn:aws:iam::444444444444:root"), IsNotPrincipal = true,
            Actions = ["s3:GetObject"], Resources = ["arn:aws:s3:::reports/*"], HasResource = true,
        };
        var finding = Single(Lint(Document(PolicyKind.Resource, statement)), FindingCodes.AllowWithNotPrincipal);
        Assert.Equal("Statement[0].NotPrincipal", finding.Path);
    }
}
