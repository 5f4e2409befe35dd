using Crossgate.Policies.Parsing;
using static Crossgate.Policies.Tests.Parsing.PolicyJson;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>When a document has several faults IAM reports one: JSON syntax, then version, then legacy parsing,
/// then duplicate Sid, then missing actions, then resource format, then action prefix, then missing resources.</summary>
public class ErrorOrderTests
{
    private static readonly PolicyParseOptions Managed = new(PolicyKind.Identity) { RequireCurrentVersion = true };

    private static string First(string json, PolicyParseOptions options)
    {
        var result = PolicyParser.Parse(json, options);
        Assert.False(result.Success);
        return result.Errors[0].Message;
    }

    // Each statement holds one fault; the documents list them in the reverse of AWS's order.
    private const string MissingResources = "{'Sid':'A','Effect':'Allow','Action':'s3:GetObject'}";
    private const string ActionPrefix = "{'Sid':'B','Effect':'Allow','Action':'GetObject','Resource':'*'}";
    private const string ResourceFormat = "{'Sid':'C','Effect':'Allow','Action':'s3:GetObject','Resource':'bucket'}";
    private const string MissingActions = "{'Sid':'D','Effect':'Allow','Resource':'*'}";
    private const string DuplicateSid = "{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
    private const string LegacyParsing = "{'Sid':'E','Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{'DateGreaterThan':{'aws:CurrentTime':'234-13'}}}";
    private const string Syntax = "{'Sid':'F','Effect':'Allow','Action':'s3:GetObject','Resource':'*','Bogus':1}";

    public static TheoryData<string[], string> Cases => new()
    {
        { [MissingResources, ActionPrefix], PolicyMessages.ActionNeedsVendor },
        { [MissingResources, ActionPrefix, ResourceFormat], PolicyMessages.InvalidPartition("bucket", "arn:bucket:*:*:*:*") },
        { [MissingResources, ActionPrefix, ResourceFormat, MissingActions], PolicyMessages.MustContainActions },
        { [MissingResources, ActionPrefix, ResourceFormat, MissingActions, DuplicateSid], PolicyMessages.SidNotUnique },
        { [MissingResources, ActionPrefix, ResourceFormat, MissingActions, DuplicateSid, LegacyParsing], PolicyMessages.LegacyParsingFailed },
        { [MissingResources, ActionPrefix, ResourceFormat, MissingActions, DuplicateSid, LegacyParsing, Syntax], PolicyMessages.SyntaxErrors },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_fault_AWS_reports_first_comes_first(string[] statements, string expected) =>
        Assert.Equal(expected, First(Q("{'Version':'2012-10-17','Statement':[" + string.Join(",", statements) + "]}"), Managed));

    [Fact]
    public void A_missing_version_comes_before_legacy_parsing_for_managed_policies()
    {
        var json = Q("{'Statement':[" + MissingResources + "," + LegacyParsing + "]}");
        Assert.Equal(PolicyMessages.VersionTooOld, First(json, Managed));

        // Inline policies accept a missing Version, so legacy parsing is the first fault there.
        Assert.Equal(PolicyMessages.LegacyParsingFailed, First(json, new PolicyParseOptions(PolicyKind.Identity)));
    }

    [Fact]
    public void Every_fault_is_still_listed_after_the_first()
    {
        var json = Q("{'Version':'2012-10-17','Statement':[" + string.Join(",", MissingResources, ActionPrefix, ResourceFormat) + "]}");
        var messages = PolicyParser.Parse(json, PolicyKind.Identity).Errors.Select(e => e.Message).ToArray();
        Assert.Equal([PolicyMessages.InvalidPartition("bucket", "arn:bucket:*:*:*:*"), PolicyMessages.ActionNeedsVendor, PolicyMessages.MustContainResources], messages);
    }

    [Theory]
    [InlineData(PolicyKind.Identity)]
    [InlineData(PolicyKind.Resource)]
    [InlineData(PolicyKind.Trust)]
    [InlineData(PolicyKind.ServiceControl)]
    [InlineData(PolicyKind.ResourceControl)]
    public void An_empty_statement_list_is_a_syntax_error(PolicyKind kind) =>
        AssertFails(Q("{'Version':'2012-10-17','Statement':[]}"), kind, PolicyMessages.SyntaxErrors, "$.Statement");

    [Theory]
    [InlineData("{'Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}}")]
    [InlineData("{'Version':'2008-10-17','Statement':{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}}")]
    public void Managed_policies_need_version_2012_10_17(string json)
    {
        Assert.Equal(PolicyMessages.VersionTooOld, First(Q(json), Managed));
        Assert.Equal("Policy document must be version 2012-10-17 or greater.", PolicyMessages.VersionTooOld);
        AssertOk(Q(json), PolicyKind.Identity);
    }
}
