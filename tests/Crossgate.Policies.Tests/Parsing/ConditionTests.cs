using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_condition / _condition_operators: shape, operators, value types (§2.5).</summary>
public class ConditionTests
{
    private static string WithCondition(string condition) => IdentityStatement(",'Condition':" + condition);

    private static ConditionBlock Read(string condition) => AssertOk(WithCondition(condition), PolicyKind.Identity).Statements[0].Condition;

    [Fact]
    public void Absent_or_empty_condition_is_the_empty_block()
    {
        Assert.True(AssertOk(IdentityStatement(string.Empty), PolicyKind.Identity).Statements[0].Condition.IsEmpty);
        Assert.True(Read("{}").IsEmpty);
    }

    [Fact]
    public void Single_string_value_becomes_one_value()
    {
        var condition = Assert.Single(Read("{'StringEquals':{'sts:ExternalId':'cado-123'}}").Conditions);
        Assert.Equal(ConditionOperatorKind.StringEquals, condition.Operator.Kind);
        Assert.Equal("sts:ExternalId", condition.Key);
        Assert.Equal<string>(["cado-123"], condition.Values);
    }

    [Fact]
    public void Operators_and_keys_flatten_in_document_order()
    {
        var conditions = Read("{'StringLike':{'ssm:resourceTag/SSMEnabled':['True'],'aws:PrincipalArn':'arn:aws:iam::*:role/X'},'Bool':{'aws:SecureTransport':'true'}}").Conditions;
        Assert.Equal(3, conditions.Length);
        Assert.Equal(("ssm:resourceTag/SSMEnabled", ConditionOperatorKind.StringLike), (conditions[0].Key, conditions[0].Operator.Kind));
        Assert.Equal(("aws:PrincipalArn", ConditionOperatorKind.StringLike), (conditions[1].Key, conditions[1].Operator.Kind));
        Assert.Equal(("aws:SecureTransport", ConditionOperatorKind.Bool), (conditions[2].Key, conditions[2].Operator.Kind));
    }

    [Theory]
    [InlineData("3600", "3600")]
    [InlineData("-1.50", "-1.50")]
    [InlineData("1e3", "1e3")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData("'text'", "text")]
    [InlineData("''", "")]
    public void Scalar_values_become_their_text(string json, string expected) =>
        Assert.Equal<string>([expected], Assert.Single(Read("{'StringEquals':{'aws:x':" + json + "}}").Conditions).Values);

    [Fact]
    public void Mixed_arrays_become_text_in_order() =>
        Assert.Equal<string>(["a", "1", "true"], Assert.Single(Read("{'StringEquals':{'aws:x':['a',1,true]}}").Conditions).Values);

    [Fact]
    public void Huge_numbers_keep_their_exact_text() =>
        Assert.Equal<string>(["123456789012345678901234567890"], Assert.Single(Read("{'NumericLessThan':{'aws:x':123456789012345678901234567890}}").Conditions).Values);

    [Theory]
    [InlineData("ForAnyValue:StringLike", ConditionOperatorKind.StringLike, SetQualifier.ForAnyValue, false)]
    [InlineData("ForAllValues:StringEquals", ConditionOperatorKind.StringEquals, SetQualifier.ForAllValues, false)]
    [InlineData("StringNotEqualsIfExists", ConditionOperatorKind.StringNotEquals, SetQualifier.None, true)]
    [InlineData("BoolIfExists", ConditionOperatorKind.Bool, SetQualifier.None, true)]
    [InlineData("Null", ConditionOperatorKind.Null, SetQualifier.None, false)]
    [InlineData("ArnLike", ConditionOperatorKind.ArnLike, SetQualifier.None, false)]
    [InlineData("IpAddress", ConditionOperatorKind.IpAddress, SetQualifier.None, false)]
    [InlineData("DateGreaterThan", ConditionOperatorKind.DateGreaterThan, SetQualifier.None, false)]
    [InlineData("NumericLessThanEquals", ConditionOperatorKind.NumericLessThanEquals, SetQualifier.None, false)]
    [InlineData("stringequals", ConditionOperatorKind.StringEquals, SetQualifier.None, false)]
    public void Operator_names_are_taken_apart(string name, ConditionOperatorKind kind, SetQualifier qualifier, bool ifExists)
    {
        var value = kind switch
        {
            ConditionOperatorKind.IpAddress => "10.0.0.0/8",
            ConditionOperatorKind.DateGreaterThan => "2020-01-01",
            ConditionOperatorKind.Bool => "true",
            ConditionOperatorKind.NumericLessThanEquals => "1",
            _ => "v",
        };
        var op = Assert.Single(Read("{'" + name + "':{'aws:x':'" + value + "'}}").Conditions).Operator;
        Assert.Equal(new ConditionOperator(kind, qualifier, ifExists), op);
    }

    [Theory]
    [InlineData("StringEqualz")]
    [InlineData("NullIfExists")]
    [InlineData("ForSomeValues:StringEquals")]
    [InlineData("")]
    public void Unknown_operators_with_keys_are_syntax_errors(string name) =>
        AssertFails(WithCondition("{'" + name + "':{'aws:x':'v'}}"), PolicyKind.Identity, Syntax, JsonPathOf(name));

    [Fact]
    public void Unknown_operator_without_keys_is_tolerated_as_IAM_does() =>
        Assert.True(Read("{'StringEqualz':{}}").IsEmpty);

    [Theory]
    [InlineData("'x'", "$.Statement.Condition")]
    [InlineData("[]", "$.Statement.Condition")]
    [InlineData("null", "$.Statement.Condition")]
    [InlineData("{'StringEquals':'x'}", "$.Statement.Condition.StringEquals")]
    [InlineData("{'StringEquals':['aws:x']}", "$.Statement.Condition.StringEquals")]
    [InlineData("{'StringEquals':{'aws:x':null}}", "$.Statement.Condition.StringEquals['aws:x']")]
    [InlineData("{'StringEquals':{'aws:x':{'a':'b'}}}", "$.Statement.Condition.StringEquals['aws:x']")]
    [InlineData("{'StringEquals':{'aws:x':['a',null]}}", "$.Statement.Condition.StringEquals['aws:x'][1]")]
    [InlineData("{'StringEquals':{'aws:x':[['a']]}}", "$.Statement.Condition.StringEquals['aws:x'][0]")]
    [InlineData("{'Bool':{'aws:a':'true'},'Bool':{'aws:b':'true'}}", "$.Statement.Condition.Bool")]
    public void Misshapen_conditions_are_syntax_errors(string condition, string path) =>
        AssertFails(WithCondition(condition), PolicyKind.Identity, Syntax, path);

    // IAM accepts any key name; the vendor rule ("Actions/Conditions must be prefaced by a vendor") is about actions.
    [Theory]
    [InlineData("ExternalId")]
    [InlineData(":ExternalId")]
    [InlineData("a")]
    [InlineData("mykey")]
    public void Condition_keys_need_no_vendor(string key) =>
        Assert.Equal(key, Assert.Single(Read("{'StringEquals':{'" + key + "':'x'}}").Conditions).Key);

    [Theory]
    [InlineData("DateGreaterThan", "'234-13'")]
    [InlineData("DateLessThan", "'yesterday'")]
    [InlineData("DateEquals", "'${aws:CurrentTime}'")]
    [InlineData("NumericLessThan", "'ten'")]
    [InlineData("NumericEquals", "['1','x']")]
    [InlineData("Bool", "'yes'")]
    [InlineData("IpAddress", "'10.0.0.300/8'")]
    [InlineData("NotIpAddress", "'somewhere'")]
    [InlineData("BinaryEquals", "'not base64!'")]
    [InlineData("ForAnyValue:DateGreaterThanIfExists", "['2020-01-01T00:00:00Z','234-13']")]
    public void Typed_values_of_the_wrong_type_fail_legacy_parsing(string op, string value)
    {
        var result = PolicyParser.Parse(WithCondition("{'" + op + "':{'aws:x':" + value + "}}"), PolicyKind.Identity);
        var error = Assert.Single(result.Errors);
        Assert.Equal(PolicyMessages.LegacyParsingFailed, error.Message);
        Assert.StartsWith("$.Statement.Condition", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("['aws:x']", error.Path, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DateGreaterThan", "'2020-01-01T00:00:00Z'")]
    [InlineData("DateLessThan", "1700000000")]
    [InlineData("NumericLessThan", "'3600'")]
    [InlineData("NumericEquals", "-1.5")]
    [InlineData("Bool", "'TRUE'")]
    [InlineData("Bool", "'${aws:MultiFactorAuthPresent}'")]
    [InlineData("IpAddress", "['10.0.0.0/8','2001:db8::/32','192.0.2.1']")]
    [InlineData("BinaryEquals", "'QmluYXJ5'")]
    [InlineData("StringEquals", "'234-13'")]
    [InlineData("Null", "'maybe'")]
    public void Typed_values_of_their_type_are_accepted(string op, string value) =>
        Assert.Single(Read("{'" + op + "':{'aws:x':" + value + "}}").Conditions);

    [Theory]
    [InlineData("aws:RequestTag/org:bu")]
    [InlineData("oidc.eks.us-east-1.amazonaws.com/id/EXAMPLE:sub")]
    [InlineData("accounts.google.com:aud")]
    public void Condition_keys_may_hold_slashes_dots_and_extra_colons(string key) =>
        Assert.Equal(key, Assert.Single(Read("{'StringEquals':{'" + key + "':'x'}}").Conditions).Key);

    private static string JsonPathOf(string op) =>
        op.Length > 0 && op.All(char.IsAsciiLetterOrDigit) && !char.IsAsciiDigit(op[0])
            ? "$.Statement.Condition." + op
            : "$.Statement.Condition['" + op + "']";
}
