using System.Text.Json;
using Crossgate.Cli.Tests.Accounts;
using Crossgate.Tests.Shared;
using static Crossgate.Cli.Tests.EndToEnd.PlatformOrganization;

namespace Crossgate.Cli.Tests.EndToEnd;

/// <summary><c>crossgate accounts … --postgres CONN</c>: two operators, each with a --data directory of their own,
/// share one registry in PostgreSQL while checking accounts against a Crossgate server.</summary>
public sealed class AccountsOnPostgresTests(PlatformOrganization org, PostgresServer postgres)
    : IClassFixture<PlatformOrganization>, IClassFixture<PostgresServer>, IDisposable
{
    private readonly AccountsWorkspace _alice = new();
    private readonly AccountsWorkspace _bob = new();

    public void Dispose()
    {
        _alice.Dispose();
        _bob.Dispose();
    }

    private (int ExitCode, string Output, string Error) Run(AccountsWorkspace operatorWorkspace, string connection, params string[] args) =>
        operatorWorkspace.Accounts([.. args, "--postgres", connection, "--endpoint-url", org.EndpointUrl]);

    [Fact]
    public async Task Two_operators_share_registrations_and_checks_in_one_PostgreSQL_registry()
    {
        var connection = await postgres.CreateDatabaseAsync();

        var (code, _, error) = Run(_alice, connection, "add", "--role-arn", RoleArnIn(Correct), "--alias", "correct", "--no-check");
        Assert.True(code == 0, error);
        (code, _, error) = Run(_bob, connection, "add", "--role-arn", RoleArnIn(VendorReady), "--alias", "vendor", "--no-check");
        Assert.True(code == 0, error);

        // Each sees the other's registration; neither --data directory holds a registry of its own.
        var (_, listText, listError) = Run(_alice, connection, "list", "--output", "json");
        var listed = JsonDocument.Parse(listText).RootElement;
        Assert.True(listed.GetArrayLength() == 2, listText + listError);
        Assert.Equal(["correct", "vendor"], listed.EnumerateArray().Select(a => a.GetProperty("alias").GetString()).Order());
        Assert.False(File.Exists(Path.Combine(_alice.Dir, "platform.db")));
        Assert.False(File.Exists(Path.Combine(_bob.Dir, "platform.db")));

        // An alias is unique in the shared registry, ignoring case, whoever registered it.
        (code, _, error) = Run(_bob, connection, "add", "--role-arn", RoleArnIn(MissingGroup), "--alias", "CORRECT", "--no-check");
        Assert.True(code == 2, $"{code}: {error}");
        Assert.Contains("The alias 'correct' is already registered", error);

        // Bob checks Alice's account online with the vendor profile.
        var profile = _bob.WriteFile("vendor.json", VendorProfile);
        var (checkCode, output, checkError) = Run(_bob, connection, "check", "vendor", "--permissions", profile, "--output", "json");
        Assert.True(checkCode == 0, checkError + output);
        var vendor = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal("ready", vendor.GetProperty("verdict").GetString());

        // Alice removes it; Bob no longer sees it.
        Assert.Equal(0, Run(_alice, connection, "remove", "vendor").ExitCode);
        listed = JsonDocument.Parse(Run(_bob, connection, "list", "--output", "json").Output).RootElement;
        Assert.Equal(["correct"], listed.EnumerateArray().Select(a => a.GetProperty("alias").GetString()));
    }

    [Fact]
    public void An_unreachable_PostgreSQL_is_a_clear_error_not_a_crash()
    {
        var (code, output, error) = _alice.Accounts("list", "--postgres", "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");
        Assert.True(code == 2, output + error);
        Assert.Empty(output);
        Assert.Contains("cannot use the PostgreSQL store given by --postgres", error);
        Assert.DoesNotContain("   at ", error);
    }
}
