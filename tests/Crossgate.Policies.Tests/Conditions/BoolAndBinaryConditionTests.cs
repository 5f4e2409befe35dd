using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class BoolAndBinaryConditionTests
{
    [Theory]
    [InlineData("Bool", "true", "true", true, "true = true")]
    [InlineData("Bool", "true", "false", false, "true != false")]
    [InlineData("Bool", "false", "false", true, "false = false")]
    [InlineData("Bool", "true", "True", true, "case-insensitive request value")]
    [InlineData("Bool", "TRUE", "true", true, "case-insensitive policy value")]
    [InlineData("Bool", "true", null, false, "absent key -> false (aws:MultiFactorAuthPresent with long-term keys)")]
    [InlineData("Bool", "false", null, false, "Bool false does not match an absent key")]
    [InlineData("BoolIfExists", "false", null, true, "BoolIfExists absent -> true (MFA deny idiom)")]
    [InlineData("BoolIfExists", "false", "true", false, "BoolIfExists present -> normal test")]
    [InlineData("Bool", "yes", "true", false, "unparsable policy value never matches")]
    [InlineData("Bool", "true", "1", false, "unparsable request value -> false")]
    [InlineData("Bool", "true|false", "false", true, "values ORed")]
    public void Bool(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }

    [Theory]
    [InlineData("BinaryEquals", "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=", true, "same base64")]
    [InlineData("BinaryEquals", "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWF=", false, "different bytes")]
    [InlineData("BinaryEquals", "AAEC", "AAED", false, "last byte differs")]
    [InlineData("BinaryEquals", "AAEC", "AAEC", true, "short value")]
    [InlineData("BinaryEquals", "AAEC", null, false, "absent -> false")]
    [InlineData("BinaryEqualsIfExists", "AAEC", null, true, "IfExists absent -> true")]
    [InlineData("BinaryEquals", "!!notbase64", "AAEC", false, "unparsable policy value never matches")]
    [InlineData("BinaryEquals", "AAEC", "%%%", false, "unparsable request value -> false")]
    [InlineData("BinaryEquals", "AAEC|QUJD", "QUJD", true, "values ORed")]
    public void Binary(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
