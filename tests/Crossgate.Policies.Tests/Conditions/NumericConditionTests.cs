using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class NumericConditionTests
{
    [Theory]
    [InlineData("NumericEquals", "10", "10", true, "equal integers")]
    [InlineData("NumericEquals", "10", "10.0", true, "numeric, not textual, equality")]
    [InlineData("NumericEquals", "10", "010", true, "leading zeros are the same number")]
    [InlineData("NumericEquals", "10", "11", false, "different numbers")]
    [InlineData("NumericEquals", "1.5", "1.50", true, "decimals compare numerically")]
    [InlineData("NumericEquals", "-3", "-3", true, "negative numbers")]
    [InlineData("NumericEquals", "1|2|3", "2", true, "values ORed")]
    [InlineData("NumericEquals", "10", null, false, "positive, absent key -> false")]
    [InlineData("NumericEquals", "10", "ten", false, "request value not a number -> false")]
    [InlineData("NumericEquals", "ten", "10", false, "unparsable policy value never matches")]
    [InlineData("NumericEquals", "ten|10", "10", true, "an unparsable value does not spoil the others")]
    [InlineData("NumericNotEquals", "10", "10", false, "NotEquals equal -> false")]
    [InlineData("NumericNotEquals", "10", "11", true, "NotEquals different -> true")]
    [InlineData("NumericNotEquals", "10|11", "11", false, "NotEquals NORs values")]
    [InlineData("NumericNotEquals", "10", null, true, "negated, absent key -> true")]
    [InlineData("NumericNotEquals", "10", "ten", false, "negated but request not a number -> false")]
    [InlineData("NumericLessThan", "10", "9", true, "9 < 10")]
    [InlineData("NumericLessThan", "10", "10", false, "10 < 10 is false")]
    [InlineData("NumericLessThan", "10", "11", false, "11 < 10 is false")]
    [InlineData("NumericLessThan", "10", "-11", true, "negative < positive")]
    [InlineData("NumericLessThan", "10", "9.99", true, "decimal below")]
    [InlineData("NumericLessThanEquals", "10", "10", true, "10 <= 10")]
    [InlineData("NumericLessThanEquals", "10", "10.01", false, "10.01 <= 10 is false")]
    [InlineData("NumericGreaterThan", "10", "11", true, "11 > 10")]
    [InlineData("NumericGreaterThan", "10", "10", false, "10 > 10 is false")]
    [InlineData("NumericGreaterThanEquals", "10", "10", true, "10 >= 10")]
    [InlineData("NumericGreaterThanEquals", "10", "9", false, "9 >= 10 is false")]
    [InlineData("NumericGreaterThan", "5|100", "50", true, "values ORed: 50 > 5")]
    [InlineData("NumericLessThanIfExists", "10", null, true, "IfExists absent -> true")]
    [InlineData("NumericLessThanIfExists", "10", "20", false, "IfExists present -> normal test")]
    [InlineData("NumericLessThan", "3600", "1200", true, "aws:MultiFactorAuthAge style check")]
    public void Numeric(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
