using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class SetOperatorTests
{
    [Theory]
    // ForAnyValue: some request value matches some policy value; absent or empty -> false.
    [InlineData("ForAnyValue:StringEquals", "a|b", "[x,a]", true, "ForAnyValue: one request value matches")]
    [InlineData("ForAnyValue:StringEquals", "a|b", "[x,y]", false, "ForAnyValue: none matches")]
    [InlineData("ForAnyValue:StringEquals", "a|b", null, false, "ForAnyValue: absent key -> false")]
    [InlineData("ForAnyValue:StringEquals", "a|b", "[]", false, "ForAnyValue: empty set -> false")]
    [InlineData("ForAnyValue:StringEquals", "a", "a", true, "ForAnyValue on a single-valued key: a 1-element set")]
    [InlineData("ForAnyValue:StringLike", "dev-*", "[prod,dev-1]", true, "ForAnyValue with Like")]
    [InlineData("ForAnyValue:StringNotEquals", "a|b", "[a,x]", true, "ForAnyValue:StringNotEquals: some request value equals none")]
    [InlineData("ForAnyValue:StringNotEquals", "a|b", "[a,b]", false, "ForAnyValue:StringNotEquals: every value listed -> false")]
    [InlineData("ForAnyValue:StringNotEquals", "a", null, false, "ForAnyValue negated: absent -> false")]
    [InlineData("ForAnyValue:StringEqualsIfExists", "a", null, true, "ForAnyValue ...IfExists: absent -> true")]
    // ForAllValues: every request value matches some policy value; absent or empty -> true.
    [InlineData("ForAllValues:StringEquals", "a|b|c", "[a,b]", true, "ForAllValues: every request value allowed")]
    [InlineData("ForAllValues:StringEquals", "a|b|c", "[a,x]", false, "ForAllValues: one request value not allowed")]
    [InlineData("ForAllValues:StringEquals", "a|b", null, true, "ForAllValues: absent key -> true")]
    [InlineData("ForAllValues:StringEquals", "a|b", "[]", true, "ForAllValues: empty set -> true")]
    [InlineData("ForAllValues:StringLike", "env*|team", "[env1,team]", true, "ForAllValues with Like")]
    [InlineData("ForAllValues:StringNotLike", "secret*|admin*", "[a,b]", true, "ForAllValues:StringNotLike: every value matches none")]
    [InlineData("ForAllValues:StringNotLike", "secret*|admin*", "[a,admin1]", false, "ForAllValues:StringNotLike: one value matches a pattern")]
    [InlineData("ForAllValues:StringNotEquals", "a", null, true, "ForAllValues negated: absent -> true")]
    [InlineData("ForAllValues:StringEqualsIgnoreCase", "A|B", "[a,b]", true, "ForAllValues with IgnoreCase")]
    [InlineData("ForAllValues:NumericLessThan", "10", "[1,2,3]", true, "ForAllValues numeric")]
    [InlineData("ForAllValues:NumericLessThan", "10", "[1,20]", false, "ForAllValues numeric, one too big")]
    [InlineData("ForAnyValue:IpAddress", "10.0.0.0/8", "[192.168.0.1,10.1.1.1]", true, "ForAnyValue IpAddress")]
    [InlineData("ForAnyValue:ArnLike", "arn:aws:iam::*:role/A", "[arn:aws:iam::1:role/B,arn:aws:iam::1:role/A]", true, "ForAnyValue ArnLike")]
    // Plain operators against a multi-valued request key.
    [InlineData("StringEquals", "a|b", "[a,b]", false, "plain operator vs several request values -> false (reference §2.5)")]
    [InlineData("StringNotEquals", "x", "[a,b]", false, "plain negated operator vs several request values -> false too")]
    [InlineData("StringEquals", "a", "[a]", true, "a one-element set is a single value")]
    [InlineData("StringEquals", "a", "[]", false, "empty set behaves as absent (positive -> false)")]
    [InlineData("StringNotEquals", "a", "[]", true, "empty set behaves as absent (negated -> true)")]
    public void Sets(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
