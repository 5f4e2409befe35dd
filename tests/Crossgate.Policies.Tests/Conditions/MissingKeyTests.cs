using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class MissingKeyTests
{
    [Fact]
    public void Absent_keys_are_reported()
    {
        var statement = WithConditions(Cond("StringEquals", "aws:PrincipalTag/team", "x"), Cond("StringNotEqualsIfExists", "sts:ExternalId", "y"));
        var missing = new List<string>();
        Assert.False(statement.MatchesConditions(Context(), missing));

        // Every condition is examined when keys are collected, not only up to the first that fails (MissingContextValues).
        Assert.Equal(["aws:PrincipalTag/team", "sts:ExternalId"], missing);
    }

    [Fact]
    public void IfExists_and_negated_conditions_report_absent_keys_but_hold()
    {
        var statement = WithConditions(Cond("StringNotEqualsIfExists", "sts:ExternalId", "y"), Cond("StringNotEquals", "aws:SourceVpc", "v"));
        var missing = new List<string>();
        Assert.True(statement.MatchesConditions(Context(), missing));
        Assert.Equal(["sts:ExternalId", "aws:SourceVpc"], missing);
    }

    [Fact]
    public void Present_keys_are_not_reported()
    {
        var missing = new List<string>();
        WithConditions(Cond("StringEquals", "a", "1")).MatchesConditions(Context("a=2"), missing);
        Assert.Empty(missing);
    }

    [Fact]
    public void Missing_variable_key_in_a_condition_value_is_reported()
    {
        var missing = new List<string>();
        Assert.False(WithConditions(Cond("StringEquals", "a", "${aws:username}")).MatchesConditions(Context("a=bob"), missing));
        Assert.Equal(["aws:username"], missing);
    }

    [Fact]
    public void Null_collection_is_allowed()
    {
        Assert.False(WithConditions(Cond("StringEquals", "a", "1")).MatchesConditions(Context(), null));
    }
}
