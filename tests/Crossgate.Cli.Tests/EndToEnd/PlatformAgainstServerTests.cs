using System.Text.Json;
using Crossgate.Cli.Tests.Accounts;
using Crossgate.Directory;
using Crossgate.Directory.Import;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary>The platform's commands against a real Crossgate server holding an organization whose roles come from
/// the generated template, some broken on purpose; then the same account check offline on an imported export.
/// Every command runs in-process, signing with the platform user's key from the environment.</summary>
public sealed class PlatformAgainstServerTests(PlatformOrganization org) : IClassFixture<PlatformOrganization>, IDisposable
{
    private readonly AccountsWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private (int ExitCode, string Output, string Error) Online(params string[] args) =>
        _ws.Accounts([.. args, "--endpoint-url", org.EndpointUrl]);

    private static JsonElement Json(string output) => JsonDocument.Parse(output).RootElement;

    private static Dictionary<string, JsonElement> ByAccount(JsonElement array) =>
        array.EnumerateArray().ToDictionary(a => a.GetProperty("accountId").GetString()!);

    private static Dictionary<string, JsonElement> Groups(JsonElement account) =>
        account.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("sid").GetString()!);

    private static string Status(JsonElement group) => group.GetProperty("status").GetString()!;

    private static string[] Strings(JsonElement group, string property) =>
        [.. group.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    private void Register(string alias, string account, string? externalId = null)
    {
        string[] args = ["add", "--role-arn", RoleArnIn(account), "--alias", alias, "--no-check"];
        var (code, _, error) = _ws.Accounts(externalId is null ? args : [.. args, "--external-id", externalId]);
        Assert.True(code == 0, error);
    }

    private void RegisterAll()
    {
        Register("correct", Correct);
        Register("wrong-trust", WrongTrust);
        Register("needs-external-id", NeedsExternalId);
        Register("missing-group", MissingGroup);
        Register("ssm-by-tag", SsmByTag);
    }

    [Fact]
    public void Discover_registers_the_assumable_roles_and_says_why_the_others_are_not()
    {
        var (code, output, error) = Online("discover", "--role-name", RoleName, "--output", "json");

        Assert.True(code == 1, error + output);
        var rows = ByAccount(Json(output));
        Assert.Equal([PlatformAccount, Correct, WrongTrust, NeedsExternalId, MissingGroup, SsmByTag], rows.Keys.Order());
        Assert.True(rows[Correct].GetProperty("worked").GetBoolean());
        Assert.True(rows[MissingGroup].GetProperty("worked").GetBoolean());
        Assert.True(rows[SsmByTag].GetProperty("worked").GetBoolean());

        // The platform's own account has no such role; the other two refuse the platform.
        Assert.False(rows[PlatformAccount].GetProperty("worked").GetBoolean());
        var wrongTrust = rows[WrongTrust].GetProperty("reason").GetString()!;
        Assert.False(rows[WrongTrust].GetProperty("worked").GetBoolean());
        Assert.Contains($"must name account {PlatformAccount} (arn:aws:iam::{PlatformAccount}:root)", wrongTrust);
        var needsId = rows[NeedsExternalId].GetProperty("reason").GetString()!;
        Assert.False(rows[NeedsExternalId].GetProperty("worked").GetBoolean());
        Assert.Contains("register with --external-id", needsId);

        var registered = Json(_ws.Accounts("list", "--output", "json").Output).EnumerateArray()
            .Select(a => a.GetProperty("roleArn").GetString()).Order();
        Assert.Equal([RoleArnIn(Correct), RoleArnIn(MissingGroup), RoleArnIn(SsmByTag)], registered);
    }

    [Fact]
    public void Discover_with_the_external_id_reaches_the_role_that_requires_it()
    {
        var (_, output, error) = Online("discover", "--role-name", RoleName, "--external-id", ExternalId, "--output", "json");

        var rows = ByAccount(Json(output));
        Assert.True(rows[NeedsExternalId].GetProperty("worked").GetBoolean(), error + output);
        Assert.True(rows[Correct].GetProperty("worked").GetBoolean()); // an external id a role does not ask for is ignored
        Assert.False(rows[WrongTrust].GetProperty("worked").GetBoolean());
    }

    [Fact]
    public void Add_proves_each_role_and_refuses_the_broken_ones_with_a_reason()
    {
        var (code, output, error) = Online("add", "--role-arn", RoleArnIn(Correct), "--alias", "correct", "--skip-account-check");
        Assert.True(code == 0, error);
        Assert.Contains("(assumable)", output);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(WrongTrust), "--alias", "wrong-trust");
        Assert.Equal(1, code);
        Assert.Contains("Not registered", error);
        Assert.Contains($"must name account {PlatformAccount}", error);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(NeedsExternalId), "--alias", "needs-external-id");
        Assert.Equal(1, code);
        Assert.Contains("none is registered: register with --external-id", error);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(NeedsExternalId), "--alias", "needs-external-id", "--external-id", "not-the-right-one");
        Assert.Equal(1, code);
        Assert.Contains("other than the registered 'not-the-right-one'", error);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(NeedsExternalId), "--alias", "needs-external-id", "--external-id", ExternalId, "--skip-account-check");
        Assert.True(code == 0, error);

        var aliases = Json(_ws.Accounts("list", "--output", "json").Output).EnumerateArray().Select(a => a.GetProperty("alias").GetString()).Order();
        Assert.Equal(["correct", "needs-external-id"], aliases);
    }

    [Fact]
    public void Add_with_a_profile_registers_the_role_then_checks_it_with_the_roles_own_session()
    {
        var profile = _ws.WriteFile("profile.json", Profile);

        var (code, output, error) = Online("add", "--role-arn", RoleArnIn(MissingGroup), "--alias", "missing-group", "--permissions", profile);

        Assert.True(code == 1, error + output); // registered, but the check found groups not granted
        Assert.Contains("Registered 'missing-group'", output);
        Assert.Contains("ec2:DescribeVolumes", output);
        Assert.Contains("2 granted, 1 partial, 1 denied", _ws.Accounts("show", "missing-group").Output);
    }

    [Fact]
    public void Check_as_a_table_names_the_missing_actions_and_the_reason_an_account_was_not_checked()
    {
        RegisterAll();
        var profile = _ws.WriteFile("profile.json", Profile);

        var (code, output, _) = Online("check", "missing-group", "wrong-trust", "--permissions", profile);

        Assert.Equal(1, code);
        Assert.Contains("s3:GetObject", output);
        Assert.Contains("denied", output);
        Assert.Contains("not assumable", output);
        Assert.Contains($"must name account {PlatformAccount}", output);
    }

    [Fact]
    public void Check_reports_every_account_and_group_as_the_server_answers()
    {
        RegisterAll();
        var profile = _ws.WriteFile("profile.json", Profile);

        var (code, output, error) = Online("check", "--permissions", profile, "--output", "json");

        Assert.True(code == 1, error + output);
        var accounts = ByAccount(Json(output));
        Assert.Equal(5, accounts.Count);
        AssertCheckedGroups(accounts);

        foreach (var broken in new[] { WrongTrust, NeedsExternalId })
        {
            Assert.False(accounts[broken].GetProperty("assumable").GetBoolean());
            Assert.All(Groups(accounts[broken]).Values, g => Assert.Equal("notChecked", Status(g)));
        }

        Assert.Contains($"must name account {PlatformAccount}", accounts[WrongTrust].GetProperty("reason").GetString());
        Assert.Contains("register with --external-id", accounts[NeedsExternalId].GetProperty("reason").GetString());
    }

    [Fact]
    public void Check_exits_0_only_for_an_account_granting_every_required_group()
    {
        RegisterAll();
        var profile = _ws.WriteFile("profile.json", Profile);

        Assert.Equal(0, Online("check", "correct", "--permissions", profile).ExitCode);
        Assert.Equal(1, Online("check", "ssm-by-tag", "--permissions", profile).ExitCode);
        Assert.Equal(0, Online("check", "ssm-by-tag", "--permissions", profile, "--optional", "Ssm").ExitCode);
        Assert.Equal(1, Online("check", "missing-group", "--permissions", profile, "--optional", "Acquisition").ExitCode);
        Assert.Contains("3 granted, 1 conditional", _ws.Accounts("show", "ssm-by-tag").Output);
    }

    [Fact]
    public async Task The_same_check_offline_on_an_imported_export_agrees_on_every_group()
    {
        var exports = System.IO.Directory.CreateTempSubdirectory("crossgate-platform-export-").FullName;
        try
        {
            var files = await org.ExportTargetsAsync(exports);
            await using (var store = await DirectoryStoreFactory.OpenAsync(_ws.Dir))
            {
                var report = await new AuthorizationDetailsImporter(store).ImportFilesAsync(files);
                Assert.False(report.HasErrors, report.ToString());
            }

            RegisterAll();
            var profile = _ws.WriteFile("profile.json", Profile);

            var (code, output, error) = _ws.Accounts("check", "--permissions", profile, "--offline", "--output", "json");

            Assert.True(code == 1, error + output);
            var accounts = ByAccount(Json(output));
            Assert.Equal(5, accounts.Count);

            // Offline there is no caller to assume with: a role is assumable when the directory holds it, so only
            // the group verdicts are compared (the trust of wrong-trust and needs-external-id is not evaluated).
            AssertCheckedGroups(accounts);
        }
        finally
        {
            System.IO.Directory.Delete(exports, recursive: true);
        }
    }

    /// <summary>What the account check must say of the three assumable roles, online or offline.</summary>
    private static void AssertCheckedGroups(Dictionary<string, JsonElement> accounts)
    {
        var correct = accounts[Correct];
        Assert.True(correct.GetProperty("assumable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, correct.GetProperty("reason").ValueKind);
        Assert.All(Groups(correct).Values, g => Assert.Equal("granted", Status(g)));
        Assert.Equal(["Inventory", "CheckPolicy", "Acquisition", "Ssm"], Groups(correct).Keys);

        var missing = Groups(accounts[MissingGroup]);
        Assert.True(accounts[MissingGroup].GetProperty("assumable").GetBoolean());
        Assert.Equal("denied", Status(missing["Acquisition"]));
        Assert.Equal(["s3:GetObject", "s3:ListBucket"], Strings(missing["Acquisition"], "missingActions"));
        Assert.NotEmpty(Strings(missing["Acquisition"], "reasons"));
        Assert.Equal("partial", Status(missing["Inventory"]));
        Assert.Equal(["ec2:DescribeVolumes"], Strings(missing["Inventory"], "missingActions"));
        Assert.Equal("granted", Status(missing["CheckPolicy"]));
        Assert.Equal("granted", Status(missing["Ssm"]));

        var tagged = Groups(accounts[SsmByTag]);
        Assert.Equal("conditional", Status(tagged["Ssm"]));
        // The tightener writes SSM's own tag key for SendCommand; the check shows it as the condition to meet.
        Assert.Equal(["requires ssm:resourceTag/SSMEnabled"], Strings(tagged["Ssm"], "conditions"));
        Assert.Empty(Strings(tagged["Ssm"], "missingActions"));
        Assert.Equal("granted", Status(tagged["Inventory"]));
        Assert.Equal("granted", Status(tagged["Acquisition"]));
    }
}
