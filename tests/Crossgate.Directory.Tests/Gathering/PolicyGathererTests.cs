using Crossgate.Authorization;
using Crossgate.Directory.Examples;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Tests.Examples;
using Crossgate.Policies.Evaluation;
using static Crossgate.Directory.Examples.ExampleOrganization;

namespace Crossgate.Directory.Tests.Gathering;

/// <summary>The flows of the reference's example organization, decided by the engine on what the gatherer collects.</summary>
public sealed class PolicyGathererTests : IAsyncLifetime
{
    private const string CrossAccountArn = "arn:aws:iam::222222222222:role/CrossAccount-B";
    private ExampleFixture _example = null!;

    public async Task InitializeAsync() => _example = await ExampleFixture.CreateAsync();

    public async Task DisposeAsync() => await _example.DisposeAsync();

    private PolicyGatherer Gatherer => _example.Gatherer;

    private async Task<GatheredRequest> GatherAsync(CallerContext caller, string resource)
    {
        var gathered = await Gatherer.GatherAsync(caller, resource);
        Assert.True(gathered.Success, gathered.ToString());
        return gathered.Value!;
    }

    private async Task<CallerContext> UserAsync(string name) =>
        (await Gatherer.ForPrincipalArnAsync($"arn:aws:iam::{Management}:user/{name}")).GetValueOrThrow();

    [Fact]
    public async Task Alex_without_policies_cannot_assume_CrossAccount_B_until_a_policy_allows_it()
    {
        var before = (await GatherAsync(await UserAsync("alex"), CrossAccountArn)).Authorize("sts:AssumeRole");
        await new IamDirectory(_example.Store).PutUserPolicyAsync(Management, "alex", "AssumeB",
            $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"{{CrossAccountArn}}"}]}""");
        var after = (await GatherAsync(await UserAsync("alex"), CrossAccountArn)).Authorize("sts:AssumeRole");

        Assert.False(before.IsAllowed);
        Assert.Equal("User: arn:aws:iam::111111111111:user/alex is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/CrossAccount-B", before.Message);
        Assert.True(after.IsAllowed, after.Reason);
    }

    [Fact]
    public async Task The_CrossAccount_B_session_lists_S3_but_is_denied_EC2()
    {
        var session = await _example.SessionAsync(TargetB, CrossAccountRole, "alex");
        var caller = (await Gatherer.ForAccessKeyAsync(session.AccessKeyId, DateTimeOffset.UtcNow)).GetValueOrThrow();

        var s3 = (await GatherAsync(caller, "*")).Authorize("s3:ListAllMyBuckets");
        var ec2 = (await GatherAsync(caller, "*")).Authorize("ec2:DescribeInstances");

        Assert.Equal(PrincipalKind.AssumedRole, caller.Principal.Kind);
        Assert.Equal("arn:aws:sts::222222222222:assumed-role/CrossAccount-B/alex", caller.Principal.Arn);
        Assert.True(s3.IsAllowed, s3.Reason);
        Assert.False(ec2.IsAllowed);
        Assert.Equal("User: arn:aws:sts::222222222222:assumed-role/CrossAccount-B/alex is not authorized to perform: ec2:DescribeInstances because no identity-based policy allows the ec2:DescribeInstances action", ec2.Message);
    }

    [Fact]
    public async Task PlatformRole_assumes_the_response_roles_only_with_the_external_id()
    {
        var platform = await _example.SessionAsync(Management, PlatformRole, "platform");
        var caller = (await Gatherer.ForSessionAsync(platform)).GetValueOrThrow();

        foreach (var account in new[] { TargetB, TargetC })
        {
            var gathered = await GatherAsync(caller, $"arn:aws:iam::{account}:role/{PlatformResponseRole}");
            Assert.True(gathered.Authorize("sts:AssumeRole", externalId: ExternalId).IsAllowed);
            Assert.False(gathered.Authorize("sts:AssumeRole", externalId: "wrong-id").IsAllowed);
            Assert.False(gathered.Authorize("sts:AssumeRole").IsAllowed);
        }
    }

    [Fact]
    public async Task Target_C_misses_one_permission_group()
    {
        async Task<bool> AllowedAsync(string account)
        {
            var session = await _example.SessionAsync(account, PlatformResponseRole, "platform");
            var caller = (await Gatherer.ForSessionAsync(session)).GetValueOrThrow();
            return (await GatherAsync(caller, $"arn:aws:s3:::bucket-{account}/object")).Authorize("s3:GetObject").IsAllowed;
        }

        Assert.True(await AllowedAsync(TargetB));
        Assert.False(await AllowedAsync(TargetC));
    }

    [Fact]
    public async Task The_outsider_is_refused()
    {
        var outsider = (await Gatherer.ForPrincipalArnAsync($"arn:aws:iam::{Outsider}:root")).GetValueOrThrow();

        foreach (var role in new[] { CrossAccountArn, $"arn:aws:iam::{TargetB}:role/{PlatformResponseRole}" })
        {
            var decision = (await GatherAsync(outsider, role)).Authorize("sts:AssumeRole", externalId: ExternalId);
            Assert.False(decision.IsAllowed);
        }

        Assert.Null(outsider.Principal.OrgId);
        Assert.Empty(outsider.ServiceControlPolicies);
    }

    [Fact]
    public async Task SSM_is_allowed_on_tagged_instances_only()
    {
        var session = await _example.SessionAsync(TargetB, PlatformResponseRole, "platform");
        var caller = (await Gatherer.ForSessionAsync(session)).GetValueOrThrow();
        var gathered = await GatherAsync(caller, "arn:aws:ec2:us-east-1:222222222222:instance/i-0123456789abcdef0");

        bool Allowed(Dictionary<string, string> tags)
        {
            var request = new AuthorizationRequest
            {
                Principal = caller.Principal, Action = "ssm:SendCommand", Resource = gathered.Resource.Resource, ResourceTags = tags,
                ResourceOrgId = gathered.Resource.ResourceOrgId, ResourceOrgPaths = gathered.Resource.ResourceOrgPaths,
            };
            return Authorizer.Authorize(request, gathered.Policies).IsAllowed;
        }

        Assert.True(Allowed(new() { ["SSMEnabled"] = "True" }));
        Assert.False(Allowed(new()));
    }

    [Fact]
    public async Task SCP_levels_run_from_the_root_to_the_account_and_skip_the_management_account()
    {
        var member = (await Gatherer.ForSessionAsync(await _example.SessionAsync(TargetB, CrossAccountRole))).GetValueOrThrow();
        var management = await UserAsync("bob");

        Assert.Equal(3, member.ServiceControlPolicies.Length);
        Assert.EndsWith("/p-FullAWSAccess", Assert.Single(member.ServiceControlPolicies[0]).Name);
        Assert.Equal(2, member.ServiceControlPolicies[1].Length);
        Assert.Equal($"{_example.Ids.OrganizationId}/{_example.Ids.RootId}/{_example.Ids.WorkloadsOuId}/", Assert.Single(member.Principal.OrgPaths));
        Assert.Empty(management.ServiceControlPolicies);
        Assert.Equal(_example.Ids.OrganizationId, management.Principal.OrgId);
    }

    [Fact]
    public async Task The_OU_SCP_denies_leaving_even_to_an_administrator_of_a_member_account()
    {
        var iam = new IamDirectory(_example.Store);
        await iam.AttachRolePolicyAsync(TargetB, CrossAccountRole, "arn:aws:iam::aws:policy/AdministratorAccess");
        var member = (await Gatherer.ForSessionAsync(await _example.SessionAsync(TargetB, CrossAccountRole))).GetValueOrThrow();
        var bob = await UserAsync("bob");

        var memberLeave = (await GatherAsync(member, "*")).Authorize("organizations:LeaveOrganization");
        var bobLeave = (await GatherAsync(bob, "*")).Authorize("organizations:LeaveOrganization");

        Assert.False(memberLeave.IsAllowed);
        Assert.Equal(PolicyLayer.ServiceControl, memberLeave.DecidingLayer);
        Assert.True(bobLeave.IsAllowed, bobLeave.Reason);
    }

    [Fact]
    public async Task Session_policies_come_from_the_stored_session()
    {
        var session = await _example.SessionAsync(TargetB, CrossAccountRole, "narrow",
            sessionPolicy: """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""");
        var caller = (await Gatherer.ForSessionAsync(session)).GetValueOrThrow();

        Assert.Single(caller.SessionPolicies);
        Assert.True((await GatherAsync(caller, "arn:aws:s3:::b/k")).Authorize("s3:GetObject").IsAllowed);
        Assert.False((await GatherAsync(caller, "*")).Authorize("s3:ListAllMyBuckets").IsAllowed);
    }

    [Fact]
    public async Task Expired_or_unknown_keys_are_refused()
    {
        var session = await _example.SessionAsync(TargetB, CrossAccountRole);

        var expired = await Gatherer.ForAccessKeyAsync(session.AccessKeyId, DateTimeOffset.UtcNow.AddHours(2));
        var unknown = await Gatherer.ForAccessKeyAsync("AKIAAAAAAAAAAAAAAAAA", DateTimeOffset.UtcNow);

        Assert.Equal("InvalidClientTokenId", expired.Error!.Code);
        Assert.Equal("InvalidClientTokenId", unknown.Error!.Code);
    }

    [Fact]
    public async Task Active_user_keys_resolve_to_the_user_and_inactive_ones_are_refused()
    {
        var iam = new IamDirectory(_example.Store);
        var key = (await iam.CreateAccessKeyAsync(Management, "bob")).Value!;

        var active = await Gatherer.ForAccessKeyAsync(key.AccessKeyId, DateTimeOffset.UtcNow);
        await iam.UpdateAccessKeyAsync(Management, "bob", key.AccessKeyId, Model.AccessKeyStatus.Inactive);
        var inactive = await Gatherer.ForAccessKeyAsync(key.AccessKeyId, DateTimeOffset.UtcNow);

        Assert.Equal("arn:aws:iam::111111111111:user/bob", active.Value!.Principal.Arn);
        Assert.False(active.Value.Principal.UsesTemporaryCredentials);
        Assert.Equal("InvalidClientTokenId", inactive.Error!.Code);
    }

    [Fact]
    public async Task A_GetSessionToken_session_acts_as_its_user_with_temporary_credentials()
    {
        var now = DateTimeOffset.UtcNow;
        var session = new Model.StsSession
        {
            AccountId = Management, AccessKeyId = UniqueIds.NewTemporaryAccessKeyId(), SecretAccessKey = UniqueIds.NewSecretAccessKey(),
            SessionToken = UniqueIds.NewSessionToken(), Kind = Model.StsSessionKind.SessionToken, IssuedAt = now, Expiration = now.AddHours(12),
            UserArn = $"arn:aws:iam::{Management}:user/bob", MfaAuthenticated = true, MfaAuthTime = now,
        };
        await new IamDirectory(_example.Store).SaveSessionAsync(session);

        var caller = (await Gatherer.ForAccessKeyAsync(session.AccessKeyId, now)).GetValueOrThrow();

        Assert.Equal(PrincipalKind.User, caller.Principal.Kind);
        Assert.Equal("arn:aws:iam::111111111111:user/bob", caller.Principal.Arn);
        Assert.True(caller.Principal.UsesTemporaryCredentials);
        Assert.True(caller.Principal.MultiFactorAuthenticated);
        Assert.True((await GatherAsync(caller, "*")).Authorize("ec2:DescribeInstances").IsAllowed);
    }

    [Fact]
    public async Task Compiled_policies_are_cached_and_recompiled_after_a_change()
    {
        var iam = new IamDirectory(_example.Store);
        var policy = (await iam.CreatePolicyAsync(Management, "Extra", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""")).Value!;
        await iam.AttachUserPolicyAsync(Management, "bob", policy.Arn);

        await UserAsync("bob");
        var afterFirst = Gatherer.Cache.Compilations;
        await UserAsync("bob");
        var afterSecond = Gatherer.Cache.Compilations;
        await iam.CreatePolicyVersionAsync(policy.Arn, """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:ListBucket","Resource":"*"}]}""", setAsDefault: true);
        var bob = await UserAsync("bob");

        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(afterSecond + 1, Gatherer.Cache.Compilations);
        Assert.False((await GatherAsync(bob, "arn:aws:s3:::b")).Authorize("s3:ListBucket").IsAllowed);
    }

    [Fact]
    public async Task Users_get_group_policies_and_tags()
    {
        var iam = new IamDirectory(_example.Store);
        await iam.CreateUserAsync(Management, "carol", tags: [new Model.Tag("team", "red")]);
        await iam.CreateGroupAsync(Management, "Readers");
        await iam.PutGroupPolicyAsync(Management, "Readers", "read", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::${aws:PrincipalTag/team}/*"}]}""");
        await iam.AddUserToGroupAsync(Management, "Readers", "carol");

        var carol = await UserAsync("carol");

        Assert.Equal("red", carol.Principal.Tags["team"]);
        Assert.True((await GatherAsync(carol, "arn:aws:s3:::red/k")).Authorize("s3:GetObject").IsAllowed);
        Assert.False((await GatherAsync(carol, "arn:aws:s3:::blue/k")).Authorize("s3:GetObject").IsAllowed);
    }
}
