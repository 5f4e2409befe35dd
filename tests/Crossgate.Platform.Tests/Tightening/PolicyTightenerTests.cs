using System.Collections.Frozen;
using Crossgate.Platform.Tests.Support;
using Crossgate.Platform.Tightening;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Linting;

namespace Crossgate.Platform.Tests.Tightening;

public class PolicyTightenerTests
{
    // The vendor's default SSM permission (seed 002) and its KMS group.
    private const string Triage = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"RequiredForTriageAndRunCommand","Effect":"Allow",
           "Action":["ssm:SendCommand","ssm:DescribeInstanceInformation"],
           "Resource":["arn:aws:ec2:*:*:instance/*","arn:aws:ssm:*::document/AWS-RunShellScript","arn:aws:ssm:*::document/AWS-RunPowerShellScript"]},
          {"Sid":"RequiredForKmsEncryptedEc2Import","Effect":"Allow",
           "Action":["kms:Encrypt","kms:Decrypt","kms:ReEncrypt*","kms:GenerateDataKey*","kms:CreateGrant","kms:ListAliases"],
           "Resource":"*"}]}
        """;

    private const string Instance = "arn:aws:ec2:us-east-1:222222222222:instance/i-0abc";
    private const string RunShellScript = "arn:aws:ssm:us-east-1::document/AWS-RunShellScript";
    private const string Key = "arn:aws:kms:us-east-1:222222222222:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static readonly FrozenDictionary<string, string> SsmEnabled = new Dictionary<string, string> { ["SSMEnabled"] = "True" }.ToFrozenDictionary();

    private static PolicyDocument Parse(string json)
    {
        var parsed = PolicyParser.Parse(json, PolicyKind.Identity);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        return parsed.Document;
    }

    private static TighteningResult Tighten(string json, bool kms = false, params string[] tags) =>
        PolicyTightener.Default.Tighten(Parse(json), new TighteningOptions
        {
            KmsGrantsOnly = kms,
            TagConditions = [.. tags.Select(t => TagCondition.TryParse(t, out var c, out _) ? c! : throw new ArgumentException(t))],
        });

    private static bool Allowed(PolicyDocument policy, string action, string resource, IReadOnlyDictionary<string, string>? tags = null, ContextKeys? context = null) =>
        Requests.Allowed(Requests.Identity(policy), Requests.PlatformSession(Requests.TargetAccount, "PlatformResponseRole"), action, resource, tags, context: context);

    [Fact]
    public void Tag_scoping_splits_the_statement_and_keeps_its_sid()
    {
        var result = Tighten(Triage, tags: "ssm:SendCommand=SSMEnabled:True");

        Assert.True(result.Success, string.Join("; ", result.Findings));
        var statements = result.Document.Statements;
        Assert.Equal(
            ["RequiredForTriageAndRunCommand", "RequiredForTriageAndRunCommandTagged", "RequiredForTriageAndRunCommandAwsOwned", "RequiredForKmsEncryptedEc2Import"],
            statements.Select(s => s.Sid));
        Assert.Equal(["ssm:DescribeInstanceInformation"], statements[0].Actions.ToArray());
        Assert.True(statements[0].Condition.IsEmpty);

        var tagged = statements[1];
        Assert.Equal(["ssm:SendCommand"], tagged.Actions.ToArray());
        Assert.Equal(["arn:aws:ec2:*:*:instance/*"], tagged.Resources.ToArray());
        var condition = Assert.Single(tagged.Condition.Conditions);
        Assert.Equal(ConditionOperatorKind.StringEquals, condition.Operator.Kind);
        Assert.Equal("ssm:resourceTag/SSMEnabled", condition.Key);
        Assert.Equal(["True"], condition.Values.ToArray());

        // AWS's own documents carry no tags: they keep the permission untagged.
        Assert.Equal(["arn:aws:ssm:*::document/AWS-RunShellScript", "arn:aws:ssm:*::document/AWS-RunPowerShellScript"], statements[2].Resources.ToArray());
        Assert.True(statements[2].Condition.IsEmpty);
    }

    [Fact]
    public void After_tag_scoping_the_engine_allows_tagged_instances_and_denies_untagged_ones()
    {
        var before = Parse(Triage);
        Assert.True(Allowed(before, "ssm:SendCommand", Instance));

        var after = Tighten(Triage, tags: "ssm:SendCommand=SSMEnabled:True");
        Assert.True(after.Success);
        Assert.True(Allowed(after.Document, "ssm:SendCommand", Instance, SsmEnabled));
        Assert.False(Allowed(after.Document, "ssm:SendCommand", Instance));
        Assert.False(Allowed(after.Document, "ssm:SendCommand", Instance, new Dictionary<string, string> { ["SSMEnabled"] = "False" }));
        Assert.True(Allowed(after.Document, "ssm:SendCommand", RunShellScript));
    }

    [Fact]
    public void Kms_grants_only_replaces_key_use_with_create_grant_for_aws_resources()
    {
        var result = Tighten(Triage, kms: true);

        Assert.True(result.Success, string.Join("; ", result.Findings));
        var statements = result.Document.Statements;
        Assert.Equal("RequiredForKmsEncryptedEc2Import", statements[1].Sid);
        Assert.Equal(["kms:ListAliases"], statements[1].Actions.ToArray());
        var grants = statements[2];
        Assert.Equal("RequiredForKmsEncryptedEc2ImportKmsGrants", grants.Sid);
        Assert.Equal(["kms:CreateGrant"], grants.Actions.ToArray());
        var condition = Assert.Single(grants.Condition.Conditions);
        Assert.Equal(ConditionOperatorKind.Bool, condition.Operator.Kind);
        Assert.Equal("kms:GrantIsForAWSResource", condition.Key);

        var forAwsResource = new ContextKeys();
        forAwsResource.Set("kms:GrantIsForAWSResource", "true");
        Assert.True(Allowed(result.Document, "kms:CreateGrant", Key, context: forAwsResource));
        Assert.False(Allowed(result.Document, "kms:CreateGrant", Key));
        Assert.False(Allowed(result.Document, "kms:Decrypt", Key));
        Assert.True(Allowed(Parse(Triage), "kms:Decrypt", Key));
    }

    [Fact]
    public void A_statement_of_only_matching_actions_keeps_its_sid_and_gains_the_condition_merged_with_its_own()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Sid":"StopTagged","Effect":"Allow","Action":"ec2:StopInstances",
             "Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"aws:RequestedRegion":"eu-west-1"},"Bool":{"aws:SecureTransport":"true"}}}]}
            """;
        var result = Tighten(policy, tags: "EC2:stop*=Team:ir");

        Assert.True(result.Success, string.Join("; ", result.Findings));
        var statement = Assert.Single(result.Document.Statements);
        Assert.Equal("StopTagged", statement.Sid);
        Assert.Equal(3, statement.Condition.Conditions.Length);
        Assert.Contains(statement.Condition.Conditions, c => c.Key == "aws:RequestedRegion" && c.Values.SequenceEqual(["eu-west-1"]));
        Assert.Contains(statement.Condition.Conditions, c => c.Key == "ec2:ResourceTag/Team" && c.Operator.Kind == ConditionOperatorKind.StringEquals);
        Assert.Contains(statement.Condition.Conditions, c => c.Operator.Kind == ConditionOperatorKind.Bool);
    }

    [Fact]
    public void A_service_without_its_own_tag_key_gets_the_global_one_and_wildcard_values_use_string_like()
    {
        var result = Tighten("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:Decrypt","Resource":"*"}]}""", tags: "kms:*=Owner:team-*");

        Assert.True(result.Success);
        var condition = Assert.Single(Assert.Single(result.Document.Statements).Condition.Conditions);
        Assert.Equal("aws:ResourceTag/Owner", condition.Key);
        Assert.Equal(ConditionOperatorKind.StringLike, condition.Operator.Kind);
        Assert.True(Allowed(result.Document, "kms:Decrypt", Key, new Dictionary<string, string> { ["Owner"] = "team-ir" }));
        Assert.False(Allowed(result.Document, "kms:Decrypt", Key, new Dictionary<string, string> { ["Owner"] = "other" }));
    }

    [Fact]
    public void An_existing_condition_on_the_same_tag_is_narrowed_when_it_admits_the_value()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*",
             "Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":["True","Yes"]}}}]}
            """;
        var result = Tighten(policy, tags: "ssm:SendCommand=SSMEnabled:True");

        Assert.True(result.Success);
        Assert.Equal(["True"], Assert.Single(Assert.Single(result.Document.Statements).Condition.Conditions).Values.ToArray());
    }

    [Fact]
    public void A_contradicting_condition_is_a_conflict_and_no_policy_is_written()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[{"Sid":"S","Effect":"Allow","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/*",
             "Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":"No"}}}]}
            """;
        var result = Tighten(policy, tags: "ssm:SendCommand=SSMEnabled:True");

        Assert.False(result.Success);
        Assert.Null(result.Json);
        Assert.Contains("allow nothing", Assert.Single(result.Conflicts).Message);
    }

    [Fact]
    public void Deny_and_not_action_statements_are_left_alone_and_wide_actions_are_reported()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"NoSend","Effect":"Deny","Action":"ssm:SendCommand","Resource":"arn:aws:ec2:*:*:instance/i-secret"},
              {"Sid":"AllSsm","Effect":"Allow","Action":"ssm:*","Resource":"*"},
              {"Sid":"ReadEverything","Effect":"Allow","Action":"ssm:Get*","Resource":"*"}]}
            """;
        var result = Tighten(policy, tags: "ssm:SendCommand=SSMEnabled:True");

        Assert.True(result.Success || result.Findings.All(f => f.Severity != FindingSeverity.Error));
        Assert.Equal(["NoSend", "AllSsm", "ReadEverything"], result.Document!.Statements.Select(s => s.Sid));
        Assert.All(result.Document.Statements, s => Assert.True(s.Condition.IsEmpty));
        var note = Assert.Single(result.Notes);
        Assert.Equal("AllSsm", note.Sid);
        Assert.Contains("ssm:SendCommand", note.Message);
    }

    [Fact]
    public void Mixed_kms_wildcards_are_left_with_a_note()
    {
        var result = Tighten("""{"Version":"2012-10-17","Statement":[{"Sid":"Admin","Effect":"Allow","Action":["kms:*","kms:Decrypt"],"Resource":"*"}]}""", kms: true);

        Assert.NotNull(result.Document);
        Assert.Equal(["Admin", "AdminKmsGrants"], result.Document.Statements.Select(s => s.Sid));
        Assert.Equal(["kms:*"], result.Document.Statements[0].Actions.ToArray());
        Assert.Contains(result.Notes, n => n.Message.Contains("'kms:*'"));
    }

    [Fact]
    public void Split_sids_stay_unique_when_the_suffixed_name_is_taken()
    {
        const string policy = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"Ssm","Effect":"Allow","Action":["ssm:SendCommand","ssm:DescribeInstanceInformation"],"Resource":"*"},
              {"Sid":"SsmTagged","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}
            """;
        var result = Tighten(policy, tags: "ssm:SendCommand=SSMEnabled:True");

        Assert.True(result.Success, string.Join("; ", result.ParseErrors.Concat<object>(result.Findings)));
        Assert.Equal(["Ssm", "SsmTagged2", "SsmTagged"], result.Document.Statements.Select(s => s.Sid));
    }

    [Fact]
    public void The_tightened_seed_policy_parses_and_lints_clean()
    {
        var result = Tighten(Triage, true, "ssm:SendCommand=SSMEnabled:True", "kms:CreateGrant=Platform:Yes");

        Assert.True(result.Success);
        var reparsed = PolicyParser.Parse(result.Json.ToJsonString(), PolicyKind.Identity);
        Assert.True(reparsed.Success);
        var findings = PolicyLinter.Default.Lint(reparsed.Document);
        Assert.DoesNotContain(findings, f => f.Severity is FindingSeverity.Error or FindingSeverity.SecurityWarning);
    }

    [Fact]
    public void Kms_grants_only_keeps_read_only_operations_and_merges_the_grants_it_makes()
    {
        var result = Tighten("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Snapshots","Effect":"Allow","Action":["kms:Decrypt","kms:DescribeKey","kms:GenerateDataKeyWithoutPlaintext"],"Resource":"*"},
          {"Sid":"Volumes","Effect":"Allow","Action":["kms:ReEncrypt*","kms:ListAliases","kms:GetKeyPolicy"],"Resource":"*"}
        ]}
        """, kms: true);

        Assert.True(result.Success);
        Assert.Equal(["Snapshots", "SnapshotsKmsGrants", "Volumes"], result.Document!.Statements.Select(s => s.Sid));
        Assert.Equal(["kms:DescribeKey"], result.Document.Statements[0].Actions.ToArray());
        Assert.Equal(["kms:CreateGrant"], result.Document.Statements[1].Actions.ToArray());
        Assert.Equal(["kms:ListAliases", "kms:GetKeyPolicy"], result.Document.Statements[2].Actions.ToArray());
        Assert.Empty(result.Findings);
    }
}
