using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class PermissivenessFindingTests
{
    [Fact]
    public void Allow_with_NotAction_is_a_security_warning()
    {
        var statement = new Statement { Index = 0, Effect = Effect.Allow, Actions = ["iam:*"], IsNotAction = true, Resources = ["*"], HasResource = true };
        var finding = Single(Lint(statement), FindingCodes.AllowWithNotAction);
        Assert.Equal(FindingSeverity.SecurityWarning, finding.Severity);
        Assert.Equal("Statement[0].NotAction", finding.Path);
    }

    [Fact]
    public void Deny_with_NotAction_is_fine()
    {
        var statement = new Statement { Index = 0, Effect = Effect.Deny, Actions = ["iam:*"], IsNotAction = true, Resources = ["*"], HasResource = true };
        None(Lint(statement), FindingCodes.AllowWithNotAction);
    }

    [Fact]
    public void Allow_with_NotResource_is_a_security_warning()
    {
        var statement = new Statement { Index = 0, Effect = Effect.Allow, Actions = ["s3:GetObject"], Resources = ["arn:aws:s3:::secret/*"], HasResource = true, IsNotResource = true };
        var finding = Single(Lint(statement), FindingCodes.AllowWithNotResource);
        Assert.Equal("Statement[0].NotResource", finding.Path);
    }

    [Fact]
    public void Allow_star_on_star_is_a_security_warning_in_identity_policies() =>
        Assert.Equal(FindingSeverity.SecurityWarning, Single(Lint(Allow(["*"], "*")), FindingCodes.AllowAllActionsOnAllResources).Severity);

    [Theory]
    [InlineData(PolicyKind.ServiceControl)]
    [InlineData(PolicyKind.PermissionsBoundary)]
    public void Guardrail_policies_may_allow_everything(PolicyKind kind) =>
        None(Lint(Document(kind, Allow(["*"], "*"))), FindingCodes.AllowAllActionsOnAllResources);

    [Fact]
    public void PassRole_on_any_role_is_a_security_warning()
    {
        var finding = Single(Lint(Allow(["iam:PassRole"], "*")), FindingCodes.PassRoleWithStarInResource);
        Assert.Equal("Statement[0].Action[0]", finding.Path);
    }

    [Fact]
    public void PassRole_by_wildcard_on_any_role_is_reported_as_such() =>
        Single(Lint(Allow(["iam:*"], "arn:aws:iam::111111111111:role/*")), FindingCodes.PassRoleWithStarInActionAndResource);

    [Fact]
    public void PassRole_limited_to_a_service_or_a_role_is_fine()
    {
        var limited = new Statement
        {
            Index = 0, Effect = Effect.Allow, Actions = ["iam:PassRole"], Resources = ["*"], HasResource = true,
            Condition = When("StringEquals", "iam:PassedToService", "ec2.amazonaws.com"),
        };
        None(Lint(limited), FindingCodes.PassRoleWithStarInResource);
        None(Lint(Allow(["iam:PassRole"], "arn:aws:iam::111111111111:role/AppRole")), FindingCodes.PassRoleWithStarInResource);
    }
}
