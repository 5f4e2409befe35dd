using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class ArnConditionTests
{
    [Theory]
    [InlineData("ArnEquals", "arn:aws:iam::123456789012:role/R", "arn:aws:iam::123456789012:role/R", true, "exact ARN")]
    [InlineData("ArnEquals", "arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/R", true, "ArnEquals honours wildcards like ArnLike")]
    [InlineData("ArnLike", "arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/path/R", true, "* in resource part crosses /")]
    [InlineData("ArnLike", "arn:aws:iam::*:role/R", "arn:aws:iam::999999999999:role/R", true, "* in account part")]
    [InlineData("ArnLike", "arn:aws:iam::123456789012:role/r", "arn:aws:iam::123456789012:role/R", false, "ARN match is case-sensitive")]
    [InlineData("ArnLike", "arn:aws:sns:*:123456789012:topic", "arn:aws:sns:us-east-1:123456789012:topic", true, "* in region")]
    [InlineData("ArnLike", "arn:aws:sns:*:123456789012:topic", "arn:aws:sns:us-east-1:999999999999:123456789012:topic", false, "parts matched separately: region * cannot swallow the account")]
    [InlineData("ArnLike", "arn:aws:sns:*:topic", "arn:aws:sns:us-east-1:123456789012:topic", true, "short pattern: a segment-final * extends across colons")]
    [InlineData("ArnLike", "arn:aws:sns:us-*:123456789012:*", "arn:aws:sns:us-east-1:123456789012:a:b", true, "resource part may hold colons")]
    [InlineData("ArnLike", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b", true, "S3 object ARN")]
    [InlineData("ArnLike", "arn:aws:s3:::bucket/*", "arn:aws:s3:::other/a", false, "different bucket")]
    [InlineData("ArnLike", "arn:aws:iam::123456789012:role/R", "not-an-arn", false, "request value not an ARN")]
    [InlineData("ArnLike", "*", "arn:aws:iam::123456789012:role/R", true, "* matches any ARN")]
    [InlineData("ArnLike", "arn:aws:iam::1234567890?2:role/R", "arn:aws:iam::123456789012:role/R", true, "? in account part")]
    [InlineData("ArnLike", "arn:aws:iam::123456789012:role/R", null, false, "positive, absent key -> false")]
    [InlineData("ArnNotEquals", "arn:aws:iam::123456789012:role/R", "arn:aws:iam::123456789012:role/R", false, "ArnNotEquals same -> false")]
    [InlineData("ArnNotEquals", "arn:aws:iam::123456789012:role/R", "arn:aws:iam::123456789012:role/S", true, "ArnNotEquals different -> true")]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/Admin*", "arn:aws:iam::1:role/AdminX", false, "ArnNotLike matching -> false")]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/Admin*", "arn:aws:iam::1:role/Dev", true, "ArnNotLike no match -> true")]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/A|arn:aws:iam::*:role/B", "arn:aws:iam::1:role/B", false, "ArnNotLike NORs values")]
    [InlineData("ArnNotLike", "arn:aws:iam::*:role/A", null, true, "negated, absent key -> true")]
    [InlineData("ArnLikeIfExists", "arn:aws:iam::*:role/A", null, true, "IfExists absent -> true")]
    [InlineData("ArnLike", "arn:aws:iam::123456789012:role/R|arn:aws:iam::123456789012:user/U", "arn:aws:iam::123456789012:user/U", true, "values ORed")]
    public void Arn(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }
}
