using Crossgate.Tests.Shared;
using Crossgate.Authorization.Tests.Support;
using Crossgate.Policies.Evaluation;
using static Crossgate.Authorization.Tests.Support.Policies;

namespace Crossgate.Authorization.Tests.Logic;

/// <summary>The global condition keys the engine derives itself (IAM User Guide, global condition context keys),
/// and tag- and variable-based policies that depend on them.</summary>
public class ContextKeyTests
{
    private const string Alex = "arn:aws:iam::111111111111:user/alex";
    private const string Session = "arn:aws:sts::222222222222:assumed-role/PlatformResponseRole/scan-42";

    private static string? Key(Case @case, string key) =>
        @case.Request().EvaluationContext.Keys.TryGet(key, out var value) ? value.Values[0] : null;

    [Fact]
    public void A_users_keys_are_derived_from_the_user()
    {
        var @case = Case.As(Alex).PrincipalTag("team", "ir");

        Assert.Equal("arn:aws:iam::111111111111:user/alex", Key(@case, "aws:PrincipalArn"));
        Assert.Equal("111111111111", Key(@case, "aws:PrincipalAccount"));
        Assert.Equal("User", Key(@case, "aws:PrincipalType"));
        Assert.Equal("alex", Key(@case, "aws:username"));
        Assert.Equal("AIDAEXAMPLEUSERID0001", Key(@case, "aws:userid"));
        Assert.Equal("ir", Key(@case, "aws:PrincipalTag/team"));
        Assert.Equal("ir", Key(@case, "AWS:PRINCIPALTAG/TEAM"));
    }

    [Fact]
    public void A_sessions_principal_arn_is_the_role_arn_and_it_has_no_username()
    {
        var @case = Case.As(Session);

        Assert.Equal("arn:aws:iam::222222222222:role/PlatformResponseRole", Key(@case, "aws:PrincipalArn"));
        Assert.Equal("AssumedRole", Key(@case, "aws:PrincipalType"));
        Assert.Equal("AROAEXAMPLEROLEID0001:scan-42", Key(@case, "aws:userid"));
        Assert.Null(Key(@case, "aws:username"));
    }

    [Fact]
    public void The_root_users_id_is_the_account()
    {
        var @case = Case.As("arn:aws:iam::111111111111:root");

        Assert.Equal("Account", Key(@case, "aws:PrincipalType"));
        Assert.Equal("111111111111", Key(@case, "aws:userid"));
    }

    [Fact]
    public void Callers_cannot_override_what_the_engine_derives()
    {
        var @case = Case.As(Alex).Context("aws:PrincipalArn", "arn:aws:iam::111111111111:user/admin").Context("aws:SourceIp", "10.0.0.1");

        Assert.Equal("arn:aws:iam::111111111111:user/alex", Key(@case, "aws:PrincipalArn"));
        Assert.Equal("10.0.0.1", Key(@case, "aws:SourceIp"));
    }

    [Fact]
    public void MFA_keys_exist_only_for_temporary_credentials()
    {
        Assert.Null(Key(Case.As(Alex), "aws:MultiFactorAuthPresent"));
        Assert.Equal("false", Key(Case.As(Alex).WithTemporaryCredentials(mfa: false), "aws:MultiFactorAuthPresent"));
        Assert.Equal("true", Key(Case.As(Alex).WithTemporaryCredentials(mfa: true), "aws:MultiFactorAuthPresent"));
    }

    [Fact]
    public void Time_keys_come_from_the_request_time()
    {
        var @case = Case.As(Alex);

        Assert.Equal("2026-11-23T10:00:00Z", Key(@case, "aws:CurrentTime"));
        Assert.Equal("1795428000", Key(@case, "aws:EpochTime"));
    }

    [Fact]
    public void Resource_tags_appear_under_aws_and_under_the_services_own_prefix()
    {
        var @case = Case.As(Alex).On("arn:aws:ssm:us-east-1:111111111111:managed-instance/mi-0abc").ResourceTag("SSMEnabled", "True");

        Assert.Equal("True", Key(@case, "aws:ResourceTag/SSMEnabled"));
        Assert.Equal("True", Key(@case, "ssm:resourceTag/SSMEnabled"));
        Assert.Equal("111111111111", Key(@case, "aws:ResourceAccount"));
    }

    [Fact]
    public void An_SSM_grant_limited_to_tagged_instances_follows_the_tag()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Sid":"SSMOnTagged","Effect":"Allow","Action":"ssm:StartSession","Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"ssm:resourceTag/SSMEnabled":"True"}}}]}""";
        const string instance = "arn:aws:ec2:us-east-1:222222222222:instance/i-0123456789abcdef0";

        var tagged = Case.As(Session).Does("ssm:StartSession").On(instance).Identity(policy).ResourceTag("SSMEnabled", "True").Authorize();
        var untagged = Case.As(Session).Does("ssm:StartSession").On(instance).Identity(policy).Authorize();

        Assert.True(tagged.IsAllowed);
        Assert.False(untagged.IsAllowed);
        Assert.Contains("ssm:resourceTag/SSMEnabled", untagged.MissingContextKeys);
    }

    [Fact]
    public void A_username_variable_in_a_resource_limits_users_to_their_own_prefix()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}]}""";

        Assert.True(Case.As(Alex).Does("s3:GetObject").On("arn:aws:s3:::home/alex/notes.txt").Identity(policy).Authorize().IsAllowed);
        Assert.False(Case.As(Alex).Does("s3:GetObject").On("arn:aws:s3:::home/bob/notes.txt").Identity(policy).Authorize().IsAllowed);

        // A role session has no aws:username, so the statement matches nothing.
        Assert.False(Case.As(Session).Does("s3:GetObject").On("arn:aws:s3:::home/alex/notes.txt").Identity(policy).Authorize().IsAllowed);
    }

    [Fact]
    public void A_principal_tag_condition_compares_against_the_resource_tag()
    {
        const string policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:StopInstances","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}}]}""";
        const string instance = "arn:aws:ec2:us-east-1:111111111111:instance/i-1";

        Assert.True(Case.As(Alex).PrincipalTag("team", "ir").Does("ec2:StopInstances").On(instance).ResourceTag("team", "ir").Identity(policy).Authorize().IsAllowed);
        Assert.False(Case.As(Alex).PrincipalTag("team", "ir").Does("ec2:StopInstances").On(instance).ResourceTag("team", "web").Identity(policy).Authorize().IsAllowed);
    }

    [Fact]
    public void Request_tags_fill_RequestTag_and_TagKeys()
    {
        var request = new AuthorizationRequest
        {
            Principal = Case.As(Alex).Request().Principal,
            Action = "ec2:CreateTags",
            RequestTags = new Dictionary<string, string> { ["env"] = "prod", ["owner"] = "alex" },
        };

        var keys = request.EvaluationContext.Keys;
        Assert.True(keys.TryGet("aws:RequestTag/env", out var env));
        Assert.Equal("prod", env.Values[0]);
        Assert.True(keys.TryGet("aws:TagKeys", out var tagKeys));
        Assert.True(tagKeys.IsMultiValued);
        Assert.Equal(["env", "owner"], tagKeys.Values.ToArray());
    }

    [Fact]
    public void AssumeRole_parameters_become_sts_keys()
    {
        var request = new AuthorizationRequest
        {
            Principal = Case.As(Alex).Request().Principal,
            Action = "sts:AssumeRole",
            Resource = "arn:aws:iam::222222222222:role/CrossAccount-B",
            ExternalId = "abc",
            RoleSessionName = "alex",
            TransitiveTagKeys = ["team"],
        };

        var keys = request.EvaluationContext.Keys;
        Assert.True(keys.TryGet("sts:ExternalId", out var externalId));
        Assert.Equal("abc", externalId.Values[0]);
        Assert.True(keys.TryGet("sts:RoleSessionName", out _));
        Assert.True(keys.TryGet("sts:TransitiveTagKeys", out var transitive) && transitive.IsMultiValued);
        Assert.Equal("222222222222", keys.TryGet("aws:ResourceAccount", out var account) ? account.Values[0] : null);
    }

    [Fact]
    public void Evaluating_a_prepared_request_allocates_nothing()
    {
        var @case = Case.As("arn:aws:iam::111111111111:role/PlatformRole").Does("sts:AssumeRole").On("arn:aws:iam::222222222222:role/PlatformResponseRole")
            .ExternalId("crossgate-7f3a")
            .Trust("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/PlatformRole"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"crossgate-7f3a"}}}]}""")
            .Identity(Allow("sts:AssumeRole", "arn:aws:iam::*:role/PlatformResponseRole"))
            .Identity(Allow("s3:*"))
            .Identity(Deny("iam:*"))
            .ScpLevel(FullAwsAccess).ScpLevel(FullAwsAccess);
        var request = @case.Request();
        var policies = @case.Policies();
        Assert.Equal(0, Allocations.FewestBytes(() => Assert.True(Authorizer.Decide(request, policies).IsAllowed)));
    }
}

/// <summary>Keys of the resource side shared by many requests (<see cref="AuthorizationRequest.SharedResourceKeys"/>)
/// give each request exactly the context it would have derived alone.</summary>
public class SharedResourceKeyTests
{
    [Theory]
    [InlineData("arn:aws:iam::111111111111:user/alex", "sts:AssumeRole", "arn:aws:iam::222222222222:role/Target")]
    [InlineData("arn:aws:sts::111111111111:assumed-role/Ops/s1", "s3:GetObject", "arn:aws:s3:::bucket/key")]
    [InlineData("ec2.amazonaws.com", "sts:AssumeRole", "arn:aws:iam::222222222222:role/Target")]
    public void A_request_over_shared_resource_keys_sees_the_keys_it_would_derive_alone(string caller, string action, string resource)
    {
        Assert.True(PrincipalArnReader.TryRead(caller, out var principal, out _));
        var supplied = new ContextKeys();
        supplied.Set("aws:SourceIp", "10.0.0.1");
        supplied.Set("aws:CurrentTime", "2000-01-01T00:00:00Z");
        supplied.Set("aws:ResourceAccount", "999999999999");
        supplied.Set("aws:PrincipalAccount", "999999999999");
        AuthorizationRequest Request(ContextKeys? shared) => new()
        {
            Principal = principal!, Action = action, Resource = resource, ResourceAccount = "222222222222",
            ResourceTags = new Dictionary<string, string> { ["env"] = "prod" }, ResourceOrgId = "o-abc", ResourceOrgPaths = ["o-abc/r-1/ou-1/"],
            Context = supplied, Time = DateTimeOffset.Parse("2026-12-07T10:00:00Z"), ExternalId = "xyz", SharedResourceKeys = shared,
        };

        var alone = Request(null);
        var shared = Request(RequestContextBuilder.SharedResourceKeys(Request(null)));
        var expected = alone.EvaluationContext.Keys.All.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => (p.Key, string.Join("|", p.Value.Values.ToArray()), p.Value.IsMultiValued)).ToList();
        var actual = shared.EvaluationContext.Keys.All.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase).Select(p => (p.Key, string.Join("|", p.Value.Values.ToArray()), p.Value.IsMultiValued)).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(alone.EvaluationContext.Keys.Count, shared.EvaluationContext.Keys.Count);
        foreach (var (key, value, _) in expected)
        {
            Assert.True(shared.EvaluationContext.Keys.TryGet(key, out var found));
            Assert.Equal(value, string.Join("|", found.Values.ToArray()));
        }

        Assert.Throws<ArgumentException>(() => RequestContextBuilder.SharedResourceKeys(new AuthorizationRequest { Principal = principal!, Action = action }));
    }
}
