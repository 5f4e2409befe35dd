using System.Text.Json;
using Crossgate.Directory;
using Crossgate.Directory.Examples;

namespace Crossgate.Cli.Tests.Accounts;

/// <summary><c>accounts check --offline</c> over a directory seeded with the example organization: B's response role
/// grants every group, C's lacks one.</summary>
public sealed class AccountsOfflineCheckTests : IDisposable
{
    private readonly AccountsWorkspace _ws = new();

    public AccountsOfflineCheckTests()
    {
        SeedAsync().GetAwaiter().GetResult();
        Register("b", ExampleOrganization.TargetB);
        Register("c", ExampleOrganization.TargetC);
    }

    public void Dispose() => _ws.Dispose();

    private async Task SeedAsync()
    {
        await using var store = await DirectoryStoreFactory.OpenAsync(_ws.Dir);
        var created = await ExampleOrganization.CreateAsync(store);
        Assert.True(created.Success, created.ToString());
    }

    private void Register(string alias, string account) => Assert.Equal(0, _ws.Accounts(
        "add", "--role-arn", $"arn:aws:iam::{account}:role/{ExampleOrganization.PlatformResponseRole}", "--alias", alias,
        "--external-id", ExampleOrganization.ExternalId, "--no-check").ExitCode);

    /// <summary>The profile the example organization's roles were built from: every group of the platform.</summary>
    private string ExampleProfile() => _ws.WriteFile("profile.json",
        ExampleOrganization.PermissionGroupDocument(ExampleOrganization.PermissionGroups.Select(g => g.Sid)));

    private static Dictionary<string, JsonElement> Groups(JsonElement account) =>
        account.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("sid").GetString()!);

    [Fact]
    public void B_grants_every_group_and_C_lacks_the_one_left_out()
    {
        var (code, output, error) = _ws.Accounts("check", "--permissions", ExampleProfile(), "--offline", "--output", "json");

        Assert.True(code == 1, error);
        var accounts = JsonDocument.Parse(output).RootElement;
        var b = Groups(accounts[0]);
        var c = Groups(accounts[1]);
        Assert.True(accounts[0].GetProperty("assumable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, accounts[0].GetProperty("assumeRoleMilliseconds").ValueKind); // nothing was called
        Assert.Equal("granted", b["RequiredForEC2Import"].GetProperty("status").GetString());
        Assert.Equal("granted", b["RequiredToCheckPolicy"].GetProperty("status").GetString());
        Assert.Equal("granted", b["RequiredForS3Acquisition"].GetProperty("status").GetString());

        // SendCommand is allowed only on instances tagged SSMEnabled=True, the very condition the profile asks for.
        Assert.Equal("granted", b["RequiredForSSMOnTaggedInstances"].GetProperty("status").GetString());
        Assert.Empty(b["RequiredForSSMOnTaggedInstances"].GetProperty("conditions").EnumerateArray());

        var missing = c[ExampleOrganization.MissingInTargetC];
        Assert.Equal("denied", missing.GetProperty("status").GetString());
        Assert.Equal(["s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation"], missing.GetProperty("missingActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("no policy of the role allows it: s3:GetObject, s3:ListBucket, s3:GetBucketLocation", missing.GetProperty("reasons")[0].GetString());
        Assert.Equal("granted", c["RequiredForEC2Import"].GetProperty("status").GetString());
    }

    [Fact]
    public void Exit_code_follows_the_required_groups_of_the_accounts_checked()
    {
        var profile = ExampleProfile();

        Assert.Equal(0, _ws.Accounts("check", "b", "--permissions", profile, "--offline").ExitCode);
        Assert.Equal(1, _ws.Accounts("check", "c", "--permissions", profile, "--offline").ExitCode);
        Assert.Equal(0, _ws.Accounts("check", "c", "--permissions", profile, "--offline", "--optional", ExampleOrganization.MissingInTargetC).ExitCode);
        Assert.Contains("4 granted", _ws.Accounts("show", "b").Output);
    }

    [Fact]
    public void A_registered_role_missing_from_the_directory_is_not_assumable_and_unchecked()
    {
        Assert.Equal(0, _ws.Accounts("add", "--role-arn", "arn:aws:iam::444444444444:role/PlatformResponseRole", "--alias", "outsider", "--no-check").ExitCode);

        var (code, output, _) = _ws.Accounts("check", "outsider", "--permissions", ExampleProfile(), "--offline", "--output", "json");

        Assert.Equal(1, code);
        var account = JsonDocument.Parse(output).RootElement[0];
        Assert.False(account.GetProperty("assumable").GetBoolean());
        Assert.Contains("does not exist in account 444444444444", account.GetProperty("reason").GetString());
        Assert.All(account.GetProperty("groups").EnumerateArray(), g => Assert.Equal("notChecked", g.GetProperty("status").GetString()));
    }

    [Fact]
    public void The_published_example_profile_is_checked_group_by_group()
    {
        // examples/policies/platform-permission-groups.json holds the groups the example's response roles were built
        // from: C's role lacks the S3 group on purpose.
        var (code, output, _) = _ws.Accounts("check", "c", "--permissions", CliRunner.Example("platform-permission-groups.json"), "--offline", "--output", "json");

        Assert.Equal(1, code);
        var c = Groups(JsonDocument.Parse(output).RootElement[0]);
        Assert.Equal(ExampleOrganization.PermissionGroups.Select(g => g.Sid), c.Keys);
        Assert.Equal("granted", c["RequiredForEC2Import"].GetProperty("status").GetString());
        Assert.NotEqual("granted", c[ExampleOrganization.MissingInTargetC].GetProperty("status").GetString());
    }

    private const string PlatformRoleArn = "arn:aws:iam::" + ExampleOrganization.Management + ":role/" + ExampleOrganization.PlatformRole;

    [Fact]
    public void With_the_platforms_identity_the_trust_policy_is_decided_too()
    {
        var (code, output, error) = _ws.Accounts("check", "b", "--permissions", ExampleProfile(), "--offline",
            "--caller-arn", PlatformRoleArn, "--optional", "RequiredForSSMOnTaggedInstances", "--output", "json");

        Assert.True(code == 0, error + output);
        var account = JsonDocument.Parse(output).RootElement[0];
        Assert.True(account.GetProperty("assumable").GetBoolean());
        Assert.Equal("granted", Groups(account)["RequiredForEC2Import"].GetProperty("status").GetString());
    }

    [Fact]
    public void A_caller_the_trust_policy_does_not_name_is_refused_with_the_trust_policy_as_the_reason()
    {
        // bob is an administrator, so his own policies allow sts:AssumeRole anywhere; the response role trusts only
        // PlatformRole.
        var (code, output, _) = _ws.Accounts("check", "b", "--permissions", ExampleProfile(), "--offline",
            "--caller-arn", $"arn:aws:iam::{ExampleOrganization.Management}:user/bob", "--output", "json");

        Assert.Equal(1, code);
        var account = JsonDocument.Parse(output).RootElement[0];
        Assert.False(account.GetProperty("assumable").GetBoolean());
        Assert.Contains("trust policy", account.GetProperty("reason").GetString());
        Assert.All(account.GetProperty("groups").EnumerateArray(), g => Assert.Equal("notChecked", g.GetProperty("status").GetString()));

        // alex's own policy allows assuming CrossAccount-B only: his own permissions are the first thing to fix.
        var alex = JsonDocument.Parse(_ws.Accounts("check", "b", "--permissions", ExampleProfile(), "--offline",
            "--caller-arn", $"arn:aws:iam::{ExampleOrganization.Management}:user/alex", "--output", "json").Output).RootElement[0];
        Assert.False(alex.GetProperty("assumable").GetBoolean());
        Assert.StartsWith("The fault is on the caller's side: its identity-based policies do not allow", alex.GetProperty("reason").GetString());
    }

    [Fact]
    public void A_wrong_external_id_or_a_session_too_long_for_a_chained_caller_is_refused()
    {
        Assert.Equal(0, _ws.Accounts("add", "--role-arn", $"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.PlatformResponseRole}",
            "--alias", "b-wrong-id", "--external-id", "not-the-one", "--no-check").ExitCode);
        Assert.Equal(0, _ws.Accounts("add", "--role-arn", $"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.PlatformResponseRole}",
            "--alias", "b-long", "--external-id", ExampleOrganization.ExternalId, "--session-duration", "7200", "--no-check").ExitCode);

        var (_, output, _) = _ws.Accounts("check", "b-wrong-id", "b-long", "--permissions", ExampleProfile(), "--offline",
            "--caller-arn", PlatformRoleArn, "--output", "json");

        var accounts = JsonDocument.Parse(output).RootElement;
        Assert.False(accounts[0].GetProperty("assumable").GetBoolean());
        Assert.Contains("not-the-one", accounts[0].GetProperty("reason").GetString());
        Assert.False(accounts[1].GetProperty("assumable").GetBoolean());
        Assert.Contains("role chaining", accounts[1].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_caller_arn_without_offline_is_bad_usage()
    {
        Assert.Equal(2, _ws.Accounts("check", "b", "--permissions", ExampleProfile(), "--caller-arn", PlatformRoleArn).ExitCode);
    }
}
