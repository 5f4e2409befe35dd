using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class NullConditionTests
{
    [Theory]
    [InlineData("true", null, true, "Null:true holds when the key is absent")]
    [InlineData("true", "x", false, "Null:true fails when the key is present")]
    [InlineData("false", "x", true, "Null:false holds when the key is present")]
    [InlineData("false", null, false, "Null:false fails when the key is absent")]
    [InlineData("false", "[]", false, "an empty multi-valued key counts as absent")]
    [InlineData("true", "[]", true, "an empty multi-valued key counts as absent (true)")]
    [InlineData("false", "[a,b]", true, "a multi-valued key with values is present")]
    [InlineData("TRUE", null, true, "value is case-insensitive")]
    [InlineData("maybe", null, false, "values other than true/false match nothing")]
    [InlineData("maybe", "x", false, "values other than true/false match nothing (present)")]
    public void Null(string policyValue, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne("Null", policyValue, requestValue), rule);
    }

    [Fact]
    public void Null_does_not_report_the_key_as_missing()
    {
        var missing = new List<string>();
        WithConditions(Cond("Null", "aws:TokenIssueTime", "true")).MatchesConditions(Context(), missing);
        Assert.Empty(missing);
    }
}
