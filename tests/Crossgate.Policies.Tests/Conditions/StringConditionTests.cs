using static Crossgate.Policies.Tests.TestPolicies;

namespace Crossgate.Policies.Tests.Conditions;

public class StringConditionTests
{
    [Theory]
    // StringEquals: exact, case-sensitive; values ORed.
    [InlineData("StringEquals", "abc", "abc", true, "exact match")]
    [InlineData("StringEquals", "abc", "ABC", false, "StringEquals is case-sensitive")]
    [InlineData("StringEquals", "abc", "abcd", false, "no prefix match")]
    [InlineData("StringEquals", "a*", "abc", false, "StringEquals has no wildcards")]
    [InlineData("StringEquals", "a*", "a*", true, "StringEquals compares * literally")]
    [InlineData("StringEquals", "x|abc|y", "abc", true, "multiple values are ORed")]
    [InlineData("StringEquals", "x|y", "abc", false, "no value matches")]
    [InlineData("StringEquals", "", "", true, "empty equals empty")]
    [InlineData("StringEquals", "abc", null, false, "positive operator, absent key -> false")]
    // StringNotEquals: NOR over values; absent key -> true.
    [InlineData("StringNotEquals", "abc", "abc", false, "negated: equal value -> false")]
    [InlineData("StringNotEquals", "abc", "xyz", true, "negated: different value -> true")]
    [InlineData("StringNotEquals", "abc", "ABC", true, "StringNotEquals is case-sensitive")]
    [InlineData("StringNotEquals", "x|abc", "abc", false, "negated values are NORed: any equal -> false")]
    [InlineData("StringNotEquals", "x|y", "abc", true, "negated values are NORed: none equal -> true")]
    [InlineData("StringNotEquals", "abc", null, true, "negated operator, absent key -> true")]
    // IgnoreCase forms.
    [InlineData("StringEqualsIgnoreCase", "AbC", "aBc", true, "StringEqualsIgnoreCase ignores case")]
    [InlineData("StringEqualsIgnoreCase", "abc", "abd", false, "StringEqualsIgnoreCase still compares letters")]
    [InlineData("StringEqualsIgnoreCase", "a*", "abc", false, "StringEqualsIgnoreCase has no wildcards")]
    [InlineData("StringEqualsIgnoreCase", "abc", null, false, "positive, absent -> false")]
    [InlineData("StringNotEqualsIgnoreCase", "AbC", "aBc", false, "StringNotEqualsIgnoreCase: equal ignoring case -> false")]
    [InlineData("StringNotEqualsIgnoreCase", "abc", "abd", true, "StringNotEqualsIgnoreCase: different -> true")]
    [InlineData("StringNotEqualsIgnoreCase", "abc", null, true, "negated, absent -> true")]
    // StringLike: * and ? anywhere, case-sensitive.
    [InlineData("StringLike", "a*", "abc", true, "* matches a run")]
    [InlineData("StringLike", "a*", "a", true, "* matches nothing")]
    [InlineData("StringLike", "*", "", true, "* matches the empty string")]
    [InlineData("StringLike", "a?c", "abc", true, "? matches one character")]
    [InlineData("StringLike", "a?c", "ac", false, "? needs exactly one character")]
    [InlineData("StringLike", "a?c", "abbc", false, "? matches only one character")]
    [InlineData("StringLike", "*/home/*", "x/home/y/z", true, "* crosses slashes")]
    [InlineData("StringLike", "a*:*", "ab:c:d", true, "* crosses colons")]
    [InlineData("StringLike", "A*", "abc", false, "StringLike is case-sensitive")]
    [InlineData("StringLike", "x*|a*", "abc", true, "Like values ORed")]
    [InlineData("StringLike", "abc", "abc", true, "Like without wildcards is equality")]
    [InlineData("StringLike", "a*", null, false, "positive, absent -> false")]
    [InlineData("StringNotLike", "a*", "abc", false, "StringNotLike: matching pattern -> false")]
    [InlineData("StringNotLike", "a*", "xbc", true, "StringNotLike: no match -> true")]
    [InlineData("StringNotLike", "x*|a*", "abc", false, "StringNotLike NORs its patterns")]
    [InlineData("StringNotLike", "a*", null, true, "negated, absent -> true")]
    // IfExists.
    [InlineData("StringEqualsIfExists", "abc", null, true, "IfExists: absent -> true")]
    [InlineData("StringEqualsIfExists", "abc", "abc", true, "IfExists: present -> normal test (match)")]
    [InlineData("StringEqualsIfExists", "abc", "x", false, "IfExists: present -> normal test (no match)")]
    [InlineData("StringNotEqualsIfExists", "abc", null, true, "negated IfExists: absent -> true")]
    [InlineData("StringNotEqualsIfExists", "abc", "abc", false, "negated IfExists: present and equal -> false")]
    [InlineData("StringLikeIfExists", "a*", null, true, "StringLikeIfExists: absent -> true")]
    [InlineData("StringLikeIfExists", "a*", "b", false, "StringLikeIfExists: present, no match")]
    [InlineData("StringNotLikeIfExists", "a*", "abc", false, "StringNotLikeIfExists: present, matches")]
    [InlineData("StringEqualsIgnoreCaseIfExists", "ABC", "abc", true, "IgnoreCaseIfExists present")]
    [InlineData("StringNotEqualsIgnoreCaseIfExists", "ABC", null, true, "NotEqualsIgnoreCaseIfExists absent")]
    public void Single_valued_key(string op, string policyValues, string? requestValue, bool expected, string rule)
    {
        Assert.True(expected == EvalOne(op, policyValues, requestValue), rule);
    }

    [Theory]
    [InlineData("aws:PrincipalTag/Team", "AWS:principaltag/team", "condition key names are case-insensitive")]
    [InlineData("aws:principaltag/TEAM", "aws:PrincipalTag/Team", "tag key part is case-insensitive too")]
    [InlineData("s3:Prefix", "S3:PREFIX", "service keys are case-insensitive")]
    public void Key_names_are_case_insensitive(string policyKey, string contextKey, string rule)
    {
        var statement = WithConditions(Cond("StringEquals", policyKey, "v"));
        Assert.True(statement.MatchesConditions(Context($"{contextKey}=v"), null), rule);
    }

    [Fact]
    public void Operators_are_ANDed_and_keys_under_one_operator_are_ANDed()
    {
        var statement = WithConditions(
            Cond("StringEquals", "a", "1"),
            Cond("StringEquals", "b", "2"),
            Cond("StringLike", "c", "x*"));
        Assert.True(statement.MatchesConditions(Context("a=1", "b=2", "c=xy"), null));
        Assert.False(statement.MatchesConditions(Context("a=1", "b=3", "c=xy"), null));
        Assert.False(statement.MatchesConditions(Context("a=1", "b=2", "c=y"), null));
        Assert.False(statement.MatchesConditions(Context("a=1", "c=xy"), null));
    }

    [Fact]
    public void No_conditions_always_match()
    {
        Assert.True(WithConditions().MatchesConditions(Context(), null));
    }
}
