using Crossgate.Policies.Linting;
using static Crossgate.Policies.Tests.Linting.Policies;

namespace Crossgate.Policies.Tests.Linting;

public class ConditionFindingTests
{
    private static Statement WithCondition(ConditionBlock condition) => new()
    {
        Index = 0, Effect = Effect.Allow, Actions = ["s3:GetObject"], Resources = ["arn:aws:s3:::reports/*"], HasResource = true,
        Condition = condition,
    };

    [Theory]
    [InlineData("aws:PrincipalOrgID")]
    [InlineData("aws:principalorgid")]
    [InlineData("aws:PrincipalTag/team")]
    [InlineData("aws:ResourceTag/Project")]
    [InlineData("s3:ExistingObjectTag/classification")]
    [InlineData("s3:x-amz-server-side-encryption")]
    public void Known_keys_pass(string key) =>
        Assert.Empty(Lint(WithCondition(When("StringEquals", key, "x"))));

    [Fact]
    public void Unknown_global_key_is_an_error()
    {
        var finding = Single(Lint(WithCondition(When("StringEquals", "aws:PrincipalOrg", "o-123"))), FindingCodes.InvalidGlobalConditionKey);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Equal("Statement[0].Condition.StringEquals.aws:PrincipalOrg", finding.Path);
        Assert.Equal("The condition key aws:PrincipalOrg does not exist. Use a valid condition key.", finding.Message);
    }

    [Fact]
    public void Unknown_service_key_is_an_error_naming_the_service()
    {
        var finding = Single(Lint(WithCondition(When("StringEquals", "s3:Prefixes", "home/"))), FindingCodes.InvalidServiceConditionKey);
        Assert.Equal("The condition key s3:Prefixes does not exist in the service s3. Use a valid condition key.", finding.Message);
    }

    [Fact]
    public void Key_without_a_prefix_has_an_invalid_format() =>
        Single(Lint(WithCondition(When("StringEquals", "ExternalId", "x"))), FindingCodes.InvalidConditionKeyFormat);

    [Theory]
    [InlineData("StringEquals", "aws:SourceIp", "203.0.113.0/24")]
    [InlineData("IpAddress", "aws:PrincipalOrgID", "203.0.113.0/24")]
    [InlineData("NumericLessThan", "aws:PrincipalArn", "3")]
    [InlineData("DateGreaterThan", "aws:MultiFactorAuthAge", "2024-01-01T00:00:00Z")]
    public void Operators_that_do_not_fit_the_key_type_are_warned(string op, string key, string value)
    {
        var finding = Single(Lint(WithCondition(When(op, key, value))), FindingCodes.TypeMismatch);
        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Theory]
    [InlineData("IpAddress", "aws:SourceIp", "203.0.113.0/24")]
    [InlineData("NumericLessThan", "aws:MultiFactorAuthAge", "3600")]
    [InlineData("NumericLessThan", "aws:EpochTime", "1700000000")]
    [InlineData("Bool", "aws:SecureTransport", "true")]
    [InlineData("ArnLike", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/*")]
    [InlineData("StringLike", "aws:PrincipalArn", "arn:aws:iam::111111111111:role/*")]
    [InlineData("Null", "aws:SourceIp", "true")]
    public void Operators_that_fit_are_not_warned(string op, string key, string value) =>
        None(Lint(WithCondition(When(op, key, value))), FindingCodes.TypeMismatch);
}
