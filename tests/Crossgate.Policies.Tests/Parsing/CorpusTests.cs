using Crossgate.Policies.Parsing;

namespace Crossgate.Policies.Tests.Parsing;

/// <summary>The policies users actually paste (reference seeds) parse, with the values they were written with.</summary>
public class CorpusTests
{
    public static TheoryData<string> Names() => new(PolicyCorpus.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_corpus_policy_parses_for_its_kind(string name)
    {
        var (_, json, kind) = PolicyCorpus.All.Single(p => p.Name == name);
        var result = PolicyParser.Parse(json, kind);
        Assert.True(result.Success, string.Join("; ", result.Errors));
    }

    [Fact]
    public void Cross_account_trust_reads_account_principal_and_empty_condition()
    {
        var statement = Assert.Single(PolicyParser.Parse(PolicyCorpus.CrossAccountTrust, PolicyKind.Trust).Document!.Statements);
        Assert.Equal<string>(["111111111111"], statement.Principal!.Aws);
        Assert.Equal<string>(["sts:AssumeRole"], statement.Actions);
        Assert.False(statement.HasResource);
        Assert.True(statement.Condition.IsEmpty);
    }

    [Fact]
    public void Cross_account_trust_is_not_a_valid_identity_policy() =>
        Assert.Contains(PolicyParser.Parse(PolicyCorpus.CrossAccountTrust, PolicyKind.Identity).Errors,
            e => e.Message == PolicyMessages.ShouldNotSpecifyPrincipal && e.Path == "$.Statement[0].Principal");

    [Fact]
    public void Alex_inline_policy_is_not_a_valid_trust_policy() =>
        Assert.Contains(PolicyParser.Parse(PolicyCorpus.AlexInlineAssumeRole, PolicyKind.Trust).Errors,
            e => e.Message == PolicyMessages.ProhibitedField("Resource") && e.Path == "$.Statement.Resource");

    [Fact]
    public void Platform_policy_keeps_its_tag_condition()
    {
        var document = PolicyParser.Parse(PolicyCorpus.PlatformSsmTagged, PolicyKind.Identity).Document!;
        Assert.Equal(3, document.Statements.Length);
        var condition = Assert.Single(document.Statements[0].Condition.Conditions);
        Assert.Equal(new ConditionOperator(ConditionOperatorKind.StringLike, SetQualifier.None, false), condition.Operator);
        Assert.Equal("ssm:resourceTag/SSMEnabled", condition.Key);
        Assert.Equal<string>(["True"], condition.Values);
        Assert.Equal<string>(["RequiredForTriageAndRunCommandTagged", "RequiredForTriageAndRunCommandRun", "RequiredForKmsEncryptedEc2Import"],
            document.Statements.Select(s => s.Sid));
    }

    [Fact]
    public void Bytes_and_string_parse_to_the_same_document()
    {
        var fromString = PolicyParser.Parse(PolicyCorpus.PlatformResponseTrust, PolicyKind.Trust).Document!;
        var fromBytes = PolicyParser.Parse(System.Text.Encoding.UTF8.GetBytes(PolicyCorpus.PlatformResponseTrust), PolicyKind.Trust).Document!;
        var (a, b) = (fromString.Statements[0].Condition.Conditions[0], fromBytes.Statements[0].Condition.Conditions[0]);
        Assert.Equal((a.Operator, a.Key), (b.Operator, b.Key));
        Assert.Equal<string>(a.Values, b.Values);
        Assert.Equal<string>(fromString.Statements[0].Principal!.Aws, fromBytes.Statements[0].Principal!.Aws);
    }

    [Fact]
    public void Corpus_policies_fit_their_quotas()
    {
        Assert.Null(PolicySizeQuota.TrustPolicy().Check(PolicyCorpus.CrossAccountTrust));
        Assert.Null(PolicySizeQuota.InlineUserPolicies("alex").Check(PolicyCorpus.AlexInlineAssumeRole));
        Assert.Null(PolicySizeQuota.ManagedPolicy.Check(PolicyCorpus.PlatformSsmTagged));
    }
}
