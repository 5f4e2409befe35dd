using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_effect: exactly "Allow" or "Deny", case-sensitive.</summary>
public class EffectTests
{
    [Theory]
    [InlineData("Allow", Effect.Allow)]
    [InlineData("Deny", Effect.Deny)]
    public void Allow_and_Deny_are_read(string text, Effect expected) =>
        Assert.Equal(expected, AssertOk(OneStatement("'Effect':'" + text + "','Action':'s3:*','Resource':'*'"), PolicyKind.Identity).Statements[0].Effect);

    [Theory]
    [InlineData("allow")]
    [InlineData("ALLOW")]
    [InlineData("deny")]
    [InlineData("DENY")]
    [InlineData("dEnY")]
    public void Wrongly_cased_effects_fail_legacy_parsing(string text) =>
        AssertFails(OneStatement("'Effect':'" + text + "','Action':'s3:*','Resource':'*'"), PolicyKind.Identity, PolicyMessages.LegacyParsingFailed, "$.Statement.Effect");

    [Theory]
    [InlineData("'Permit'")]
    [InlineData("''")]
    [InlineData("' Allow'")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("['Allow']")]
    [InlineData("1")]
    public void Other_effect_values_are_syntax_errors(string value) =>
        AssertFails(OneStatement("'Effect':" + value + ",'Action':'s3:*','Resource':'*'"), PolicyKind.Identity, Syntax, "$.Statement.Effect");

    [Fact]
    public void Missing_effect_is_a_syntax_error_at_the_statement() =>
        AssertFails(OneStatement("'Action':'s3:*','Resource':'*'"), PolicyKind.Identity, Syntax, "$.Statement");
}
