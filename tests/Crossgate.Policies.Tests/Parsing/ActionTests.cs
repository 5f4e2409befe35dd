using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_action / _notaction; vendor rules as IAM reports them (§2.2).</summary>
public class ActionTests
{
    private static string WithAction(string action) => OneStatement("'Effect':'Allow','Action':" + action + ",'Resource':'*'");

    [Theory]
    [InlineData("'s3:GetObject'", new[] { "s3:GetObject" })]
    [InlineData("['s3:GetObject','s3:PutObject']", new[] { "s3:GetObject", "s3:PutObject" })]
    [InlineData("'*'", new[] { "*" })]
    [InlineData("'s3:*'", new[] { "s3:*" })]
    [InlineData("'ec2:Describe*'", new[] { "ec2:Describe*" })]
    [InlineData("'kms:ReEncrypt*'", new[] { "kms:ReEncrypt*" })]
    [InlineData("'iam:Get?ser'", new[] { "iam:Get?ser" })]
    [InlineData("'*:*'", new[] { "*:*" })]
    [InlineData("'execute-api:Invoke'", new[] { "execute-api:Invoke" })]
    [InlineData("'S3:getobject'", new[] { "S3:getobject" })]
    [InlineData("'a4b:ListDevices'", new[] { "a4b:ListDevices" })]
    public void Action_strings_and_arrays_are_kept_as_written(string action, string[] expected)
    {
        var statement = AssertOk(WithAction(action), PolicyKind.Identity).Statements[0];
        Assert.Equal<string>(expected, statement.Actions);
        Assert.False(statement.IsNotAction);
    }

    [Fact]
    public void NotAction_sets_IsNotAction()
    {
        var statement = AssertOk(OneStatement("'Effect':'Deny','NotAction':['iam:*','sts:*'],'Resource':'*'"), PolicyKind.Identity).Statements[0];
        Assert.True(statement.IsNotAction);
        Assert.Equal<string>(["iam:*", "sts:*"], statement.Actions);
    }

    [Theory]
    [InlineData("'GetObject'", "$.Statement.Action")]
    [InlineData("['s3:GetObject','GetObject']", "$.Statement.Action[1]")]
    [InlineData("''", "$.Statement.Action")]
    [InlineData("':GetObject'", "$.Statement.Action")]
    [InlineData("'s3'", "$.Statement.Action")]
    public void Actions_without_a_vendor_are_refused(string action, string path) =>
        AssertFails(WithAction(action), PolicyKind.Identity, PolicyMessages.ActionNeedsVendor, path);

    [Theory]
    [InlineData("'s3:Get:Object'", "$.Statement.Action")]
    [InlineData("['s3:a','arn:aws:s3:::b']", "$.Statement.Action[1]")]
    public void Actions_with_two_colons_are_refused(string action, string path) =>
        AssertFails(WithAction(action), PolicyKind.Identity, PolicyMessages.ActionOneColon, path);

    [Theory]
    [InlineData("s 3:GetObject", "s 3")]
    [InlineData("s3_x:GetObject", "s3_x")]
    [InlineData("s3/x:GetObject", "s3/x")]
    public void Vendors_with_invalid_characters_are_refused(string action, string vendor) =>
        AssertFails(WithAction("'" + action + "'"), PolicyKind.Identity, PolicyMessages.InvalidVendor(vendor), "$.Statement.Action");

    [Fact]
    public void Missing_Action_and_NotAction_is_refused_at_the_statement() =>
        AssertFails(OneStatement("'Effect':'Allow','Resource':'*'"), PolicyKind.Identity, PolicyMessages.MustContainActions, "$.Statement");

    [Theory]
    [InlineData("'Action':[]", "$.Statement.Action")]
    [InlineData("'NotAction':[]", "$.Statement.NotAction")]
    public void Empty_action_lists_are_refused(string element, string path) =>
        AssertFails(OneStatement("'Effect':'Allow'," + element + ",'Resource':'*'"), PolicyKind.Identity, PolicyMessages.MustContainActions, path);

    [Fact]
    public void Action_and_NotAction_together_is_a_syntax_error() =>
        AssertFails(OneStatement("'Effect':'Allow','Action':'s3:*','NotAction':'iam:*','Resource':'*'"), PolicyKind.Identity, Syntax, "$.Statement.NotAction");

    [Fact]
    public void A_wrongly_typed_action_element_is_reported_once()
    {
        var result = PolicyParser.Parse(WithAction("5"), PolicyKind.Identity);
        Assert.Equal<PolicyError>([new PolicyError(PolicyError.MalformedPolicyDocument, Syntax, "$.Statement.Action")], result.Errors);
    }

    [Theory]
    [InlineData("5", "$.Statement.Action")]
    [InlineData("null", "$.Statement.Action")]
    [InlineData("true", "$.Statement.Action")]
    [InlineData("{'s3':'GetObject'}", "$.Statement.Action")]
    [InlineData("['s3:GetObject',5]", "$.Statement.Action[1]")]
    [InlineData("['s3:GetObject',null]", "$.Statement.Action[1]")]
    [InlineData("[['s3:GetObject']]", "$.Statement.Action[0]")]
    public void Wrongly_typed_actions_are_syntax_errors(string action, string path) =>
        AssertFails(WithAction(action), PolicyKind.Identity, Syntax, path);
}
