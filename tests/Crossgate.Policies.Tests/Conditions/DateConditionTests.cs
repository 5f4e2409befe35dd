using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class DateConditionTests
{
    [Theory]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true, "same instant")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T01:00:00+01:00", true, "offsets normalised to UTC")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "1577836800", true, "epoch seconds on the request side")]
    [InlineData("DateEquals", "1577836800", "2020-01-01T00:00:00Z", true, "epoch seconds on the policy side")]
    [InlineData("DateEquals", "2020-01-01", "2020-01-01T00:00:00Z", true, "date-only ISO form is midnight UTC")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", false, "one second apart")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", null, false, "positive, absent -> false")]
    [InlineData("DateEquals", "not-a-date", "2020-01-01T00:00:00Z", false, "unparsable policy value never matches")]
    [InlineData("DateEquals", "2020-01-01T00:00:00Z", "yesterday", false, "unparsable request value -> false")]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", true, "NotEquals different")]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", "1577836800", false, "NotEquals same instant (epoch)")]
    [InlineData("DateNotEquals", "2020-01-01T00:00:00Z", null, true, "negated, absent -> true")]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", true, "before")]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", false, "not strictly before")]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "2020-06-01T00:00:00Z", false, "after")]
    [InlineData("DateLessThan", "1577836800", "1577836799", true, "epoch both sides")]
    [InlineData("DateLessThan", "2020-01-01T00:00:00Z", "1577836799", true, "ISO policy, epoch request")]
    [InlineData("DateLessThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true, "equal is <=")]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:01Z", true, "after")]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", false, "not strictly after")]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true, "equal is >=")]
    [InlineData("DateGreaterThanEquals", "2020-01-01T00:00:00Z", "2019-01-01T00:00:00Z", false, "before is not >=")]
    [InlineData("DateGreaterThan", "2020-01-01T00:00:00.500Z", "2020-01-01T00:00:00.600Z", true, "fractional seconds count")]
    [InlineData("DateLessThanIfExists", "2020-01-01T00:00:00Z", null, true, "IfExists absent -> true")]
    [InlineData("DateLessThan", "2030-01-01T00:00:00Z|2010-01-01T00:00:00Z", "2020-01-01T00:00:00Z", true, "values ORed")]
    public void Date(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
