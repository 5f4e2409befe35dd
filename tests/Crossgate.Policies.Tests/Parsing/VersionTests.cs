using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>UG reference_policies_elements_version: Version is 2012-10-17, 2008-10-17 or absent.</summary>
public class VersionTests
{
    private const string Body = "'Statement':{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*'}";

    [Theory]
    [InlineData("2012-10-17")]
    [InlineData("2008-10-17")]
    public void Known_versions_are_kept_as_written(string version)
    {
        var doc = AssertOk(Q("{'Version':'" + version + "'," + Body + "}"), PolicyKind.Identity);
        Assert.Equal(version, doc.Version);
    }

    [Fact]
    public void Absent_version_is_null_and_disables_policy_variables()
    {
        var doc = AssertOk(Q("{" + Body + "}"), PolicyKind.Identity);
        Assert.Null(doc.Version);
        Assert.False(doc.SupportsPolicyVariables);
    }

    [Fact]
    public void Only_2012_10_17_supports_policy_variables()
    {
        Assert.True(AssertOk(Q("{'Version':'2012-10-17'," + Body + "}"), PolicyKind.Identity).SupportsPolicyVariables);
        Assert.False(AssertOk(Q("{'Version':'2008-10-17'," + Body + "}"), PolicyKind.Identity).SupportsPolicyVariables);
    }

    [Theory]
    [InlineData("'2013-01-01'")]
    [InlineData("'2012-10-18'")]
    [InlineData("'2012-10-17 '")]
    [InlineData("''")]
    [InlineData("'latest'")]
    [InlineData("20121017")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("['2012-10-17']")]
    [InlineData("{'v':'2012-10-17'}")]
    public void Any_other_version_value_is_a_syntax_error_at_Version(string value) =>
        AssertFails(Q("{'Version':" + value + "," + Body + "}"), PolicyKind.Identity, Syntax, "$.Version");

    [Theory]
    [InlineData("{'Version':'2008-10-17'," + Body + "}", "$.Version")]
    [InlineData("{" + Body + "}", "$")]
    public void Managed_policies_require_2012_10_17(string json, string path) =>
        AssertFails(PolicyParser.Parse(Q(json), new PolicyParseOptions(PolicyKind.Identity) { RequireCurrentVersion = true }),
            PolicyMessages.VersionTooOld, path);

    [Fact]
    public void Managed_policy_with_2012_10_17_passes_the_version_rule()
    {
        var result = PolicyParser.Parse(Q("{'Version':'2012-10-17'," + Body + "}"), new PolicyParseOptions(PolicyKind.Identity) { RequireCurrentVersion = true });
        Assert.True(result.Success);
    }

    [Fact]
    public void Version_may_come_after_Statement()
    {
        var doc = AssertOk(Q("{" + Body + ",'Version':'2012-10-17'}"), PolicyKind.Identity);
        Assert.Equal("2012-10-17", doc.Version);
    }
}
