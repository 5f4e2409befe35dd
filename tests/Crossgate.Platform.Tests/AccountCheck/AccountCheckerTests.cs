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
        Assert.Contains("because no identity-based policy allows the s3:ListAllMyBuckets action", startup.Reasons[0]);
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
        Assert.Equal(["requires ssm:resourceTag/SSMEnabled"], ssm.Conditions.ToArray());

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
    }
}
