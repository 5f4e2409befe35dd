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
        Assert.Equal([PlatformAccount, .. Targets.Order()], rows.Keys.Order());
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
        Assert.Contains("register the account with the external id", needsId);

        var registered = Json(_ws.Accounts("list", "--output", "json").Output).EnumerateArray()
            .ToDictionary(a => a.GetProperty("roleArn").GetString()!, a => a.GetProperty("alias").GetString());
        Assert.Equal(
            new[] { Correct, MissingGroup, SsmByTag, VendorReady, VendorRestricted, VendorLostStar }.Select(RoleArnIn).Order(),
            registered.Keys.Order());

        // Aliased by the organization's name for the account, made safe.
        Assert.Equal("Correct", registered[RoleArnIn(Correct)]);
        Assert.Equal("SSM-by-tag", registered[RoleArnIn(SsmByTag)]);
        Assert.Equal("Vendor-lost-star", registered[RoleArnIn(VendorLostStar)]);
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
        Assert.Contains("Sent: no external id (if the trust policy requires one, register the account with the external id", error);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(NeedsExternalId), "--alias", "needs-external-id", "--external-id", "not-the-right-one");
        Assert.Equal(1, code);
        Assert.Contains("The fault is on the target side", error);
        Assert.Contains("Sent: the external id 'not-the-right-one'", error);

        (code, _, error) = Online("add", "--role-arn", RoleArnIn(NeedsExternalId), "--alias", "needs-external-id", "--external-id", ExternalId, "--skip-account-check");
        Assert.True(code == 0, error);

        var aliases = Json(_ws.Accounts("list", "--output", "json").Output).EnumerateArray().Select(a => a.GetProperty("alias").GetString()).Order();
        Assert.Equal(["correct", "needs-external-id"], aliases);
    }

    [Fact]
    public void An_administrator_adding_a_role_that_does_not_exist_is_told_the_target_side_is_at_fault()
    {
        const string missing = "arn:aws:iam::222222222222:role/DoesNotExist";

        var (code, output, error) = Online("add", "--role-arn", missing, "--alias", "missing", "--profile", AccountsWorkspace.AdminProfile);

        Assert.True(code == 1, output + error);
        Assert.Contains($"The fault is on the target side, in account 222222222222: the role {missing} does not exist, " +
                        $"or its trust policy does not trust arn:aws:iam::{PlatformAccount}:user/{AdminUser} (AWS answers both the same way).", error);
        Assert.Contains("Sent: no external id", error);
        Assert.Contains("a session of 3600 seconds", error);
        Assert.DoesNotContain("role chaining", error); // a user, not a role session
        Assert.DoesNotContain("do not allow", error);
        Assert.DoesNotContain("template caller", error);
        Assert.Empty(Json(_ws.Accounts("list", "--output", "json").Output).EnumerateArray());
    }

    [Fact]
    public void A_caller_whose_own_policy_denies_AssumeRole_is_told_so_and_not_advised_to_add_an_Allow()
    {
        var (code, _, error) = Online("add", "--role-arn", RoleArnIn(Correct), "--alias", "correct", "--profile", AccountsWorkspace.DeniedProfile);

        Assert.Equal(1, code);
        Assert.Contains($"The fault is on the caller's side: arn:aws:iam::{PlatformAccount}:user/{DeniedUser} is explicitly denied sts:AssumeRole on {RoleArnIn(Correct)} by statement NeverAssumePlatformRoles of its policy NoPlatformRoles.", error);
        Assert.Contains("An Allow cannot override a Deny", error);
        Assert.DoesNotContain("template caller", error);
    }

    [Fact]
    public void A_caller_whose_own_policy_lacks_AssumeRole_is_told_its_side_is_at_fault()
    {
        // The platform user's caller policy allows only the platform role's name.
        var (code, _, error) = Online("add", "--role-arn", "arn:aws:iam::222222222222:role/SomeOtherRole", "--alias", "other");

        Assert.Equal(1, code);
        Assert.Contains($"The fault is on the caller's side: its identity-based policies do not allow arn:aws:iam::{PlatformAccount}:user/{PlatformUser} sts:AssumeRole", error);
        Assert.Contains("crossgate template caller --role-name SomeOtherRole", error);
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
        Assert.Contains("register the account with the external id", accounts[NeedsExternalId].GetProperty("reason").GetString());
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

    private void RegisterVendors()
    {
        Register("vendor-ready", VendorReady);
        Register("vendor-restricted", VendorRestricted);
        Register("vendor-lost-star", VendorLostStar);
    }

    [Fact]
    public void The_vendor_profile_online_ready_where_deployed_as_published_and_says_who_denied_elsewhere()
    {
        RegisterVendors();
        var permissions = _ws.WriteFile("vendor.json", VendorProfile);

        var (code, output, error) = Online("check", "--permissions", permissions, "--output", "json");

        Assert.True(code == 1, error + output);
        AssertVendorGroups(ByAccount(Json(output)));
    }

    [Fact]
    public async Task The_vendor_profile_offline_on_an_imported_export_gives_the_same_verdicts_and_words()
    {
        var exports = System.IO.Directory.CreateTempSubdirectory("crossgate-platform-export-").FullName;
        try
        {
            await ImportAsync(exports);
            RegisterVendors();
            var permissions = _ws.WriteFile("vendor.json", VendorProfile);

            var (code, output, error) = _ws.Accounts("check", "--permissions", permissions, "--offline", "--output", "json");

            Assert.True(code == 1, error + output);
            AssertVendorGroups(ByAccount(Json(output)));
        }
        finally
        {
            System.IO.Directory.Delete(exports, recursive: true);
        }
    }

    [Fact]
    public void The_text_report_gives_one_line_per_account_collapses_granted_groups_and_sums_up()
    {
        RegisterVendors();
        Register("wrong-trust", WrongTrust);
        var permissions = _ws.WriteFile("vendor.json", VendorProfile);

        var (code, output, _) = Online("check", "--permissions", permissions);

        Assert.Equal(1, code);
        var lines = output.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 120, $"{line.Length} columns: {line}"));
        Assert.Contains(lines, l => l.StartsWith("vendor-ready", StringComparison.Ordinal) && l.EndsWith(VendorReady + "  ready", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("vendor-restricted", StringComparison.Ordinal) && l.EndsWith("incomplete", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("wrong-trust", StringComparison.Ordinal) && l.EndsWith("not assumable", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "granted (14): EC2Discovery, SnapshotCreation, SnapshotTagging, SnapshotManagement, NetworkIsolation," || l.Trim().StartsWith("granted (14): ", StringComparison.Ordinal));
        Assert.Contains("    EvidenceBuckets: denied", output);
        Assert.Contains("4 accounts: 1 ready, 2 incomplete, 1 not assumable, 0 not checked.", output.Replace("\n", " ").Replace("  ", " "));
        Assert.Contains("Exit 1: 3 accounts are not ready", output.Replace("\n", " "));
        Assert.Contains("--optional SID", output.Replace("\n", " "));

        var verbose = Online("check", "vendor-ready", "--permissions", permissions, "--verbose").Output;
        Assert.Contains("    SnapshotManagement: granted", verbose);
        Assert.Contains("Exit 0", verbose);
    }

    /// <summary>The vendor's roles: as published (ready, its own conditions no shortfall), under an SCP denying S3
    /// and KMS (named), and missing the statement granting resource-less SSM actions on "*" (consistent in every
    /// group that lists them).</summary>
    private static void AssertVendorGroups(Dictionary<string, JsonElement> accounts)
    {
        var ready = accounts[VendorReady];
        Assert.Equal("ready", ready.GetProperty("verdict").GetString());
        Assert.All(Groups(ready).Values, g => Assert.True(Status(g) == "granted", g.ToString()));
        Assert.Equal(14, Groups(ready).Count);

        var restricted = Groups(accounts[VendorRestricted]);
        Assert.Equal("incomplete", accounts[VendorRestricted].GetProperty("verdict").GetString());
        var scp = $"denied by the service control policy {DenyScpName} (arn:aws:organizations::{PlatformAccount}:policy/";
        foreach (var sid in new[] { "EvidenceBuckets", "BucketDiscovery", "KMSGrants", "KMSRead" })
        {
            Assert.Equal("denied", Status(restricted[sid]));
            Assert.StartsWith(scp, Strings(restricted[sid], "reasons").Single());
        }

        Assert.EndsWith("): s3:GetObject, s3:PutObject, s3:ListBucket", Strings(restricted["EvidenceBuckets"], "reasons").Single());
        Assert.Equal("granted", Status(restricted["SnapshotManagement"]));
        Assert.Equal("granted", Status(restricted["ContainerImages"]));

        var lost = Groups(accounts[VendorLostStar]);
        Assert.Equal("denied", Status(lost["SSMDiscovery"]));
        Assert.Equal(["ssm:DescribeInstanceInformation", "ssm:GetCommandInvocation"], Strings(lost["SSMDiscovery"], "missingActions"));
        Assert.Equal(["no policy of the role allows it: ssm:DescribeInstanceInformation, ssm:GetCommandInvocation"], Strings(lost["SSMDiscovery"], "reasons"));
        Assert.Equal("partial", Status(lost["SSMRunCommand"]));
        Assert.Equal(["ssm:DescribeInstanceInformation"], Strings(lost["SSMRunCommand"], "missingActions"));
    }

    private async Task ImportAsync(string exports)
    {
        var files = (await org.ExportTargetsAsync(exports)).Concat(await org.ExportOrganizationAsync(exports)).ToList();
        await using var store = await DirectoryStoreFactory.OpenAsync(_ws.Dir);
        var report = await new AuthorizationDetailsImporter(store).ImportFilesAsync(files);
        Assert.False(report.HasErrors, report.ToString());
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
        Assert.Equal(["StringEquals ssm:resourceTag/SSMEnabled = True"], Strings(tagged["Ssm"], "conditions"));
        Assert.Empty(Strings(tagged["Ssm"], "missingActions"));
        Assert.Equal("granted", Status(tagged["Inventory"]));
        Assert.Equal("granted", Status(tagged["Acquisition"]));
    }
}
