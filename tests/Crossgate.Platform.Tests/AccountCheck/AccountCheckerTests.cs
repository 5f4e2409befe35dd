using Crossgate.Authorization;
using Crossgate.Platform.AccountCheck;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Platform.Tests.AccountCheck;

/// <summary>The account check's reading of a permission profile and of an account's answers, with the engine as the
/// oracle: the example organization's B grants every group, C lacks one, and SSM is granted only on tagged
/// instances.</summary>
public class AccountCheckerTests
{
    private const string Profile = """
    {
      "Version": "2012-10-17",
      "Statement": [
        {"Sid": "RequiredForStartup", "Effect": "Allow", "Action": ["ec2:DescribeInstances", "ec2:DescribeVolumes", "s3:ListAllMyBuckets"], "Resource": "*"},
        {"Sid": "RequiredForEC2Import", "Effect": "Allow", "Action": ["ec2:CreateSnapshot"], "Resource": "*"},
        {"Sid": "OptionalSSM", "Effect": "Allow", "Action": "ssm:SendCommand", "Resource": "arn:aws:ec2:*:*:instance/*"}
      ]
    }
    """;

    private static CompiledPolicy Compile(string json)
    {
        var parsed = PolicyParser.Parse(json, PolicyKind.Identity);
        Assert.True(parsed.Success, string.Join("; ", parsed.Errors));
        return CompiledPolicy.Compile(parsed.Document!, "role-policy");
    }

    private static EnginePermissionOracle OracleFor(string rolePolicy) => new((roleArn, resource) =>
    {
        Assert.True(PrincipalArnReader.TryRead(roleArn, out var principal, out _, "crossgate-check"));
        return (principal!, new PolicySet { IdentityPolicies = [Compile(rolePolicy)] });
    });

    [Fact]
    public void Each_statement_is_a_group_named_by_its_Sid_and_wildcards_are_expanded()
    {
        var (profile, error) = PermissionProfile.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow","Action":["s3:GetObject*","s3:ListBucket"],"Resource":["*","arn:aws:s3:::b"]},{"Effect":"Allow","Action":"ec2:DescribeRegions","Resource":"*"}]}""");

        Assert.Null(error);
        Assert.Equal(["Read", "Statement1"], profile!.Groups.Select(g => g.Sid));
        var read = profile.Groups[0];
        Assert.Contains("s3:GetObject", read.Actions);
        Assert.Contains("s3:GetObjectTagging", read.Actions);
        Assert.Contains("s3:ListBucket", read.Actions);
        Assert.Equal(["*", "arn:aws:s3:::b"], read.Resources.ToArray());
    }

    [Fact]
    public void A_groups_questions_are_worked_out_once_when_the_profile_is_read()
    {
        // A check of many accounts asks the same questions of each: they are not worked out again per account.
        var (profile, _) = PermissionProfile.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"Buckets","Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObject"],"Resource":"arn:aws:s3:::b/*"}]}""");

        var group = profile!.Groups[0];
        Assert.Same(group.Questions(), group.Questions());
        Assert.Equal([("s3:ListAllMyBuckets", "*"), ("s3:GetObject", "arn:aws:s3:::b/*")], group.Questions().Select(q => (q.Action, q.Resource)));
    }

    [Fact]
    public void An_invalid_profile_is_refused_with_the_policy_error()
    {
        var (profile, error) = PermissionProfile.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"X","Effect":"Allow","Action":"DescribeInstances","Resource":"*"}]}""");

        Assert.Null(profile);
        Assert.Equal("MalformedPolicyDocument", error!.Code);
    }

    [Fact]
    public async Task A_role_granting_everything_is_granted_everywhere()
    {
        var (profile, _) = PermissionProfile.Parse(Profile);
        var result = await AccountChecker.CheckAsync("b", "222222222222", "arn:aws:iam::222222222222:role/PlatformResponseRole", profile!,
            OracleFor("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","s3:ListAllMyBuckets","ssm:SendCommand"],"Resource":"*"}]}"""), default);

        Assert.All(result.Groups, g => Assert.Equal(GroupStatus.Granted, g.Status));
        Assert.True(result.AllRequiredGranted);
    }

    [Fact]
    public async Task A_missing_action_makes_its_group_partial_and_names_the_action_and_reason()
    {
        var (profile, _) = PermissionProfile.Parse(Profile);
        var result = await AccountChecker.CheckAsync("c", "333333333333", "arn:aws:iam::333333333333:role/PlatformResponseRole", profile!,
            OracleFor("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:Describe*","ssm:SendCommand"],"Resource":"*"}]}"""), default);

        var startup = result.Groups.Single(g => g.Sid == "RequiredForStartup");
        Assert.Equal(GroupStatus.Partial, startup.Status);
        Assert.Equal(["s3:ListAllMyBuckets"], startup.MissingActions.ToArray());
        Assert.Equal(["no policy of the role allows it: s3:ListAllMyBuckets"], startup.Reasons.ToArray());
        Assert.Equal(GroupStatus.Denied, result.Groups.Single(g => g.Sid == "RequiredForEC2Import").Status);
        Assert.False(result.AllRequiredGranted);
    }

    [Fact]
    public async Task An_action_allowed_only_on_tagged_resources_is_conditional_with_the_condition_shown()
    {
        var (profile, _) = PermissionProfile.Parse(Profile, new HashSet<string> { "OptionalSSM" });
        var result = await AccountChecker.CheckAsync("b", "222222222222", "arn:aws:iam::222222222222:role/PlatformResponseRole", profile!,
            OracleFor("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:*","s3:ListAllMyBuckets"],"Resource":"*"},{"Effect":"Allow","Action":"ssm:SendCommand","Resource":"*","Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":"True"}}}]}"""), default);

        var ssm = result.Groups.Single(g => g.Sid == "OptionalSSM");
        Assert.Equal(GroupStatus.Conditional, ssm.Status);
        Assert.True(ssm.Optional);
        Assert.Equal(["StringEquals ssm:resourceTag/SSMEnabled = True"], ssm.Conditions.ToArray());

        // An optional group that is only conditional does not fail the check.
        Assert.True(result.AllRequiredGranted);
    }

    [Theory]
    [InlineData("arn:aws:ec2:*:*:instance/*", "222222222222")]
    [InlineData("arn:aws:s3:::bucket", "222222222222")]
    [InlineData("*", "222222222222")]
    [InlineData("arn:aws:sqs:us-east-1:333333333333:q", "333333333333")]
    public void Profile_resources_stand_for_the_checked_account_unless_they_name_one(string resource, string account)
    {
        Assert.Equal(account, EnginePermissionOracle.ResourceAccountFor(resource, "222222222222"));
    }

    [Fact]
    public void An_unassumable_role_leaves_every_group_unchecked()
    {
        var (profile, _) = PermissionProfile.Parse(Profile);
        var result = AccountChecker.NotAssumable("x", "444444444444", "arn:aws:iam::444444444444:role/PlatformResponseRole", "AccessDenied", profile!);

        Assert.False(result.Assumable);
        Assert.All(result.Groups, g => Assert.Equal(GroupStatus.NotChecked, g.Status));
        Assert.False(result.AllRequiredGranted);
        Assert.Equal(AccountVerdict.NotAssumable, result.Verdict);
    }

    /// <summary>A vendor-style profile whose statements carry their own conditions.</summary>
    private const string ConditionedProfile = """
    {"Version":"2012-10-17","Statement":[
      {"Sid":"TaggedSnapshots","Effect":"Allow","Action":["ec2:CreateSnapshot","ec2:DeleteSnapshot"],"Resource":"*","Condition":{"StringLike":{"aws:ResourceTag/Name":"CadoResponse*"}}},
      {"Sid":"ReadVolumes","Effect":"Allow","Action":"ec2:DescribeVolumes","Resource":"*"},
      {"Sid":"Attribute","Effect":"Allow","Action":"ec2:ModifyInstanceAttribute","Resource":"*","Condition":{"StringEquals":{"ec2:Attribute":"BlockDeviceMapping"}}}
    ]}
    """;

    [Fact]
    public async Task A_role_carrying_the_profiles_own_conditions_is_granted()
    {
        var (profile, _) = PermissionProfile.Parse(ConditionedProfile);
        var result = await AccountChecker.CheckAsync("v", "222222222222", "arn:aws:iam::222222222222:role/Vendor", profile!, OracleFor(ConditionedProfile), default);

        Assert.All(result.Groups, g => Assert.Equal(GroupStatus.Granted, g.Status));
        Assert.Equal(AccountVerdict.Ready, result.Verdict);
    }

    [Fact]
    public async Task A_role_condition_the_profile_implies_is_granted_and_one_it_adds_is_named_whole()
    {
        var (profile, _) = PermissionProfile.Parse(ConditionedProfile);
        var result = await AccountChecker.CheckAsync("v", "222222222222", "arn:aws:iam::222222222222:role/Vendor", profile!, OracleFor("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["ec2:CreateSnapshot","ec2:DeleteSnapshot"],"Resource":"*","Condition":{"StringLike":{"aws:ResourceTag/Name":"Cado*"}}},
          {"Effect":"Allow","Action":"ec2:DescribeVolumes","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Team":"ir","aws:RequestedRegion":"eu-west-1"}}},
          {"Effect":"Allow","Action":"ec2:ModifyInstanceAttribute","Resource":"*","Condition":{"StringEquals":{"ec2:Attribute":["BlockDeviceMapping","UserData"]}}}
        ]}
        """), default);

        var groups = result.Groups.ToDictionary(g => g.Sid);
        Assert.Equal(GroupStatus.Granted, groups["TaggedSnapshots"].Status); // Cado* covers CadoResponse*
        Assert.Equal(GroupStatus.Granted, groups["Attribute"].Status); // the role accepts more values than the profile asks
        Assert.Equal(GroupStatus.Conditional, groups["ReadVolumes"].Status);
        Assert.Equal(["StringEquals aws:ResourceTag/Team = ir", "StringEquals aws:RequestedRegion = eu-west-1"], groups["ReadVolumes"].Conditions.ToArray());
        Assert.Equal(AccountVerdict.Incomplete, result.Verdict);
    }

    [Fact]
    public async Task A_stricter_role_condition_than_the_profiles_is_conditional()
    {
        var (profile, _) = PermissionProfile.Parse(ConditionedProfile);
        var result = await AccountChecker.CheckAsync("v", "222222222222", "arn:aws:iam::222222222222:role/Vendor", profile!, OracleFor("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["ec2:CreateSnapshot","ec2:DeleteSnapshot"],"Resource":"*","Condition":{"StringLike":{"aws:ResourceTag/Name":"CadoResponse-prod*"}}},
          {"Effect":"Allow","Action":["ec2:DescribeVolumes","ec2:ModifyInstanceAttribute"],"Resource":"*"}
        ]}
        """), default);

        var snapshots = result.Groups.Single(g => g.Sid == "TaggedSnapshots");
        Assert.Equal(GroupStatus.Conditional, snapshots.Status);
        Assert.Equal(["StringLike aws:ResourceTag/Name = CadoResponse-prod*"], snapshots.Conditions.ToArray());
    }

    [Fact]
    public async Task A_resource_less_action_is_asked_on_star_whatever_its_statement_lists()
    {
        var (profile, _) = PermissionProfile.Parse("""
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Buckets","Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObject"],"Resource":"arn:aws:s3:::evidence/*"},
          {"Sid":"Ssm","Effect":"Allow","Action":["ssm:DescribeInstanceInformation","ssm:SendCommand"],"Resource":"arn:aws:ec2:*:*:instance/*"}
        ]}
        """);
        // The role lost its statement on "*": its resource-scoped statements do not grant the resource-less actions.
        var result = await AccountChecker.CheckAsync("v", "222222222222", "arn:aws:iam::222222222222:role/Vendor", profile!, OracleFor("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:ListAllMyBuckets","s3:GetObject"],"Resource":"arn:aws:s3:::evidence/*"},
          {"Effect":"Allow","Action":["ssm:DescribeInstanceInformation","ssm:SendCommand"],"Resource":"arn:aws:ec2:*:*:instance/*"}
        ]}
        """), default);

        Assert.All(result.Groups, g => Assert.Equal(GroupStatus.Partial, g.Status));
        Assert.Equal(["s3:ListAllMyBuckets"], result.Groups[0].MissingActions.ToArray());
        Assert.Equal(["ssm:DescribeInstanceInformation"], result.Groups[1].MissingActions.ToArray());
    }

    [Fact]
    public void Actions_keep_the_profiles_spelling()
    {
        var (profile, _) = PermissionProfile.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"Ecr","Effect":"Allow","Action":["ecr:GetDownloadURLForLayer","ecr:BatchGetImage"],"Resource":"*"}]}""");

        Assert.Equal(["ecr:GetDownloadURLForLayer", "ecr:BatchGetImage"], profile!.Groups[0].Actions.ToArray());
    }

    [Fact]
    public async Task Reasons_are_grouped_by_cause_and_name_the_denying_policy()
    {
        var (profile, _) = PermissionProfile.Parse("""{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","ec2:DescribeInstances","kms:Decrypt"],"Resource":"*"}]}""");
        var scp = CompiledPolicy.Compile(PolicyParser.Parse("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":["s3:*","kms:*"],"Resource":"*"}]}""", PolicyKind.ServiceControl).Document!,
            "arn:aws:organizations::111111111111:policy/o-abc/service_control_policy/p-denystorage");
        var oracle = new EnginePermissionOracle((roleArn, _) =>
        {
            Assert.True(PrincipalArnReader.TryRead(roleArn, out var principal, out _, "crossgate-check"));
            return (principal!, new PolicySet
            {
                IdentityPolicies = [Compile("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","kms:*","ec2:*"],"Resource":"*"}]}""")],
                ServiceControlPolicies = [[scp]],
            });
        }, new Dictionary<string, string> { [scp.Name!] = "DenyStorage" });

        var result = await AccountChecker.CheckAsync("v", "222222222222", "arn:aws:iam::222222222222:role/Vendor", profile!, oracle, default);

        var group = result.Groups.Single();
        Assert.Equal(GroupStatus.Partial, group.Status);
        Assert.Equal(
            ["denied by the service control policy DenyStorage (arn:aws:organizations::111111111111:policy/o-abc/service_control_policy/p-denystorage): s3:GetObject, s3:PutObject, kms:Decrypt"],
            group.Reasons.ToArray());
    }
}
