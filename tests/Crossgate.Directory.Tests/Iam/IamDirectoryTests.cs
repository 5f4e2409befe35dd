using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Iam;

public sealed class IamDirectoryTests : IAsyncLifetime
{
    private const string A = "111111111111";
    private const string Allow = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:root"},"Action":"sts:AssumeRole"}]}""";

    private TempStore _temp = null!;
    private IamDirectory _iam = null!;

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync();
        _iam = new IamDirectory(_temp.Store);
    }

    public async Task DisposeAsync() => await _temp.DisposeAsync();

    [Fact]
    public async Task Creating_a_user_twice_ignoring_case_is_EntityAlreadyExists()
    {
        Assert.True((await _iam.CreateUserAsync(A, "Alex")).Success);

        var again = await _iam.CreateUserAsync(A, "alex");

        Assert.Equal(new IamError("EntityAlreadyExists", "User with name alex already exists.", 409), again.Error);
    }

    [Fact]
    public async Task Invalid_names_are_refused_before_anything_is_written()
    {
        var result = await _iam.CreateUserAsync(A, "bad name", "/ok/");

        Assert.Equal("ValidationError", result.Error!.Code);
        Assert.Null(await _temp.Store.GetUserAsync(A, "bad name"));
    }

    [Fact]
    public async Task Unknown_user_is_NoSuchEntity_with_IAMs_message()
    {
        var result = await _iam.GetUserAsync(A, "ghost");

        Assert.Equal(new IamError("NoSuchEntity", "The user with name ghost cannot be found.", 404), result.Error);
    }

    [Fact]
    public async Task A_user_has_at_most_two_access_keys_even_when_requests_race()
    {
        await _iam.CreateUserAsync(A, "alex");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => _iam.CreateAccessKeyAsync(A, "alex"))));

        Assert.Equal(2, results.Count(r => r.Success));
        Assert.All(results.Where(r => !r.Success), r => Assert.Equal("Cannot exceed quota for AccessKeysPerUser: 2", r.Error!.Message));
        Assert.Equal(2, (await _temp.Store.ListAccessKeysAsync(A, "alex")).Count);
        Assert.All(results.Where(r => r.Success), r => Assert.StartsWith("AKIA", r.Value!.AccessKeyId));
    }

    [Fact]
    public async Task Deleting_a_user_that_still_holds_things_is_DeleteConflict()
    {
        await _iam.CreateUserAsync(A, "alex");
        var key = await _iam.CreateAccessKeyAsync(A, "alex");
        await _iam.PutUserPolicyAsync(A, "alex", "p", Allow);

        Assert.Equal("Cannot delete entity, must delete access keys first.", (await _iam.DeleteUserAsync(A, "alex")).Error!.Message);
        await _iam.DeleteAccessKeyAsync(A, "alex", key.Value!.AccessKeyId);
        var conflict = (await _iam.DeleteUserAsync(A, "alex")).Error!;
        Assert.Equal(("DeleteConflict", 409, "Cannot delete entity, must delete policies first."), (conflict.Code, conflict.HttpStatus, conflict.Message));
        await _iam.DeleteUserPolicyAsync(A, "alex", "p");
        Assert.True((await _iam.DeleteUserAsync(A, "alex")).Success);
    }

    [Fact]
    public async Task Malformed_trust_policy_is_refused()
    {
        var result = await _iam.CreateRoleAsync(A, "R", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}""");

        Assert.Equal("MalformedPolicyDocument", result.Error!.Code);
        Assert.Null(await _temp.Store.GetRoleAsync(A, "R"));
    }

    [Fact]
    public async Task Role_max_session_duration_is_validated()
    {
        var result = await _iam.CreateRoleAsync(A, "R", Trust, maxSessionDuration: 50000);

        Assert.Equal("ValidationError", result.Error!.Code);
        Assert.Equal(43200, (await _iam.CreateRoleAsync(A, "R", Trust, maxSessionDuration: 43200)).Value!.MaxSessionDuration);
    }

    [Fact]
    public async Task A_managed_policy_keeps_at_most_five_versions_with_one_default()
    {
        var policy = (await _iam.CreatePolicyAsync(A, "P", Allow, "/team/")).Value!;
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await _iam.CreatePolicyVersionAsync(policy.Arn, Allow, setAsDefault: i == 1)).Success);
        }

        var sixth = await _iam.CreatePolicyVersionAsync(policy.Arn, Allow, setAsDefault: false);
        var stored = (await _temp.Store.GetManagedPolicyByArnAsync(policy.Arn))!.Value;

        Assert.Equal("LimitExceeded", sixth.Error!.Code);
        Assert.Equal(["v1", "v2", "v3", "v4", "v5"], stored.Versions.Select(v => v.VersionId));
        Assert.Equal("v3", stored.DefaultVersionId);
        Assert.Single(stored.Versions, v => v.IsDefaultVersion);
        Assert.Equal("Cannot delete the default version of a policy.", (await _iam.DeletePolicyVersionAsync(policy.Arn, "v3")).Error!.Message);
        Assert.True((await _iam.DeletePolicyVersionAsync(policy.Arn, "v5")).Success);
        Assert.Equal("v6", (await _iam.CreatePolicyVersionAsync(policy.Arn, Allow, true)).Value!.VersionId);
    }

    [Fact]
    public async Task Managed_policies_need_version_2012_10_17()
    {
        var result = await _iam.CreatePolicyAsync(A, "Old", """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""");

        Assert.Equal("MalformedPolicyDocument", result.Error!.Code);
    }

    [Fact]
    public async Task An_attached_policy_cannot_be_deleted()
    {
        await _iam.CreateRoleAsync(A, "R", Trust);
        var policy = (await _iam.CreatePolicyAsync(A, "P", Allow)).Value!;
        await _iam.AttachRolePolicyAsync(A, "R", policy.Arn);

        Assert.Equal("Cannot delete a policy attached to entities.", (await _iam.DeletePolicyAsync(policy.Arn)).Error!.Message);
        await _iam.DetachRolePolicyAsync(A, "R", policy.Arn);
        Assert.True((await _iam.DeletePolicyAsync(policy.Arn)).Success);
    }

    [Fact]
    public async Task Attaching_an_unknown_policy_is_refused_and_AWS_managed_ones_resolve()
    {
        await _iam.CreateUserAsync(A, "alex");

        var unknown = await _iam.AttachUserPolicyAsync(A, "alex", "arn:aws:iam::aws:policy/NoSuchPolicyAnywhere");
        var known = await _iam.AttachUserPolicyAsync(A, "alex", "arn:aws:iam::aws:policy/ReadOnlyAccess");

        Assert.Equal("Policy arn:aws:iam::aws:policy/NoSuchPolicyAnywhere does not exist or is not attachable.", unknown.Error!.Message);
        Assert.Equal("ReadOnlyAccess", Assert.Single(known.Value!.AttachedPolicies).PolicyName);
    }

    [Fact]
    public async Task Inline_policies_of_a_user_share_2048_characters()
    {
        await _iam.CreateUserAsync(A, "alex");
        var big = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::""" + new string('b', 1500) + "\"}]}";

        Assert.True((await _iam.PutUserPolicyAsync(A, "alex", "one", big)).Success);
        var second = await _iam.PutUserPolicyAsync(A, "alex", "two", big);

        Assert.Equal(new IamError("LimitExceeded", "Maximum policy size of 2048 bytes exceeded for user alex", 409), second.Error);
    }

    [Fact]
    public async Task Groups_per_user_and_membership_checks()
    {
        await _iam.CreateUserAsync(A, "alex");
        for (var i = 0; i < 11; i++)
        {
            await _iam.CreateGroupAsync(A, $"g{i}");
        }

        for (var i = 0; i < 10; i++)
        {
            Assert.True((await _iam.AddUserToGroupAsync(A, $"g{i}", "alex")).Success);
        }

        Assert.Equal("Cannot exceed quota for GroupsPerUser: 10", (await _iam.AddUserToGroupAsync(A, "g10", "alex")).Error!.Message);
        Assert.Equal("Cannot delete entity, must remove users from group first.", (await _iam.DeleteGroupAsync(A, "g0")).Error!.Message);
        Assert.Equal(["alex"], (await _iam.ListGroupMembersAsync(A, "G0")).Select(u => u.UserName));
    }

    [Fact]
    public async Task Login_profiles_follow_the_password_policy_and_verify()
    {
        await _iam.CreateUserAsync(A, "alex");

        var weak = await _iam.CreateLoginProfileAsync(A, "alex", "password");
        var strong = await _iam.CreateLoginProfileAsync(A, "alex", "Correct-Horse-9");

        Assert.Equal("PasswordPolicyViolation", weak.Error!.Code);
        Assert.True(strong.Success);
        Assert.DoesNotContain("Correct-Horse-9", DirectoryJson.Serialize(strong.Value));
        Assert.True(await _iam.VerifyPasswordAsync(A, "alex", "Correct-Horse-9"));
        Assert.False(await _iam.VerifyPasswordAsync(A, "alex", "correct-horse-9"));
        Assert.Equal("Cannot delete entity, must delete login profile first.", (await _iam.DeleteUserAsync(A, "alex")).Error!.Message);
    }

    [Fact]
    public async Task Virtual_mfa_devices_are_enabled_with_two_consecutive_codes()
    {
        var now = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var iam = new IamDirectory(_temp.Store, new FixedTime(now));
        await iam.CreateUserAsync(A, "alex");
        var device = (await iam.CreateVirtualMfaDeviceAsync(A, "alex-phone")).Value!;
        var step = now.ToUnixTimeSeconds() / 30;
        var seed = Totp.Base32Decode(device.Base32Seed);

        var wrong = await iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber, "000000", "000001");
        var right = await iam.EnableMfaDeviceAsync(A, "alex", device.SerialNumber, Totp.CodeAt(seed, step - 1), Totp.CodeAt(seed, step));

        Assert.Equal("InvalidAuthenticationCode", wrong.Error!.Code);
        Assert.Equal([device.SerialNumber], right.Value!.MfaSerials);
        Assert.Equal("arn:aws:iam::111111111111:mfa/alex-phone", device.SerialNumber);
        Assert.Equal("alex", (await _temp.Store.GetAsync(EntityKinds.MfaDevices, A, device.SerialNumber))!.Value.UserName);
    }

    [Fact]
    public async Task Audit_events_are_written_with_the_change_and_not_on_refusal()
    {
        var audit = new AuditContext { UserIdentity = """{"type":"Root"}""", SourceIpAddress = "127.0.0.1" };

        await _iam.CreateUserAsync(A, "alex", audit: audit);
        await _iam.CreateUserAsync(A, "alex", audit: audit);

        var events = await _temp.Store.QueryAuditAsync(new AuditQuery { AccountId = A });
        var created = Assert.Single(events);
        Assert.Equal(("CreateUser", "iam.amazonaws.com", "127.0.0.1"), (created.EventName, created.EventSource, created.SourceIpAddress));
        Assert.Contains("\"userName\":\"alex\"", created.RequestParameters);
    }

    [Fact]
    public async Task Tags_merge_replace_same_keys_ignoring_case_and_untag()
    {
        await _iam.CreateRoleAsync(A, "R", Trust, tags: [new Tag("Team", "blue"), new Tag("env", "dev")]);

        var tagged = await _iam.TagRoleAsync(A, "R", [new Tag("team", "red"), new Tag("owner", "alex")]);
        var untagged = await _iam.UntagRoleAsync(A, "R", ["ENV"]);

        Assert.Equal(["env=dev", "team=red", "owner=alex"], tagged.Value!.Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal(["team=red", "owner=alex"], untagged.Value!.Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal("InvalidInput", (await _iam.TagRoleAsync(A, "R", [new Tag("a", "1"), new Tag("A", "2")])).Error!.Code);
    }

    [Fact]
    public async Task An_account_password_policy_replaces_the_default()
    {
        await _iam.CreateUserAsync(A, "alex");
        await _iam.SetPasswordPolicyAsync(A, new PasswordPolicy { MinimumPasswordLength = 20 });

        Assert.Equal("Password should have a minimum length of 20", (await _iam.CreateLoginProfileAsync(A, "alex", "Correct-Horse-9")).Error!.Message);
        Assert.True((await _iam.CreateLoginProfileAsync(A, "alex", "correct horse battery staple")).Success);
        Assert.True((await _iam.UpdateLoginProfileAsync(A, "alex", "another long enough passphrase", passwordResetRequired: true)).Value!.LoginProfile!.PasswordResetRequired);
        Assert.True(await _iam.VerifyPasswordAsync(A, "alex", "another long enough passphrase"));
        Assert.Equal("ValidationError", (await _iam.SetPasswordPolicyAsync(A, new PasswordPolicy { MinimumPasswordLength = 5 })).Error!.Code);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
