using Crossgate.Platform.Registry;
using Crossgate.Platform.Tests.Support;
using Crossgate.Tests.Shared;

namespace Crossgate.Platform.Tests.Registry;

/// <summary>What every <see cref="IAccountRegistry"/> must do; each subclass runs it against one store, fresh.</summary>
public abstract class AccountRegistryContract
{
    /// <summary>Opens the test's registry; every call opens the same one again (as a second process would).</summary>
    protected abstract Task<IAccountRegistry> OpenAsync();

    protected static RegisteredAccount Account(string alias, string account = "222222222222") => new()
    {
        Alias = alias, RoleArn = $"arn:aws:iam::{account}:role/PlatformResponseRole", AccountId = account, ExternalId = "ext-id-1", SessionDuration = 1800,
    };

    [Fact]
    public async Task Registrations_are_kept_across_opens()
    {
        var registry = await OpenAsync();
        Assert.Null(await registry.AddAsync(Account("target-c", "333333333333")));
        Assert.Null(await registry.AddAsync(Account("Target-B")));

        var reopened = await OpenAsync();
        var listed = await reopened.ListAsync();

        Assert.Equal(["Target-B", "target-c"], listed.Select(a => a.Alias));
        Assert.Equal(Account("target-c", "333333333333"), await reopened.GetAsync("TARGET-C"));
    }

    [Fact]
    public async Task Aliases_are_unique_ignoring_case()
    {
        var registry = await OpenAsync();
        Assert.Null(await registry.AddAsync(Account("target-b")));

        var error = await registry.AddAsync(Account("TARGET-B", "333333333333"));

        Assert.Contains("already registered for arn:aws:iam::222222222222:role/PlatformResponseRole", error);
        Assert.Single(await registry.ListAsync());
    }

    [Fact]
    public async Task Remove_deletes_only_the_named_registration_and_says_when_there_was_none()
    {
        var registry = await OpenAsync();
        await registry.AddAsync(Account("target-b"));
        await registry.AddAsync(Account("target-c", "333333333333"));

        Assert.True(await registry.RemoveAsync("target-b"));
        Assert.False(await registry.RemoveAsync("target-b"));
        Assert.Equal(["target-c"], (await registry.ListAsync()).Select(a => a.Alias));
    }

    [Fact]
    public async Task The_last_check_is_recorded_with_the_registration()
    {
        var registry = await OpenAsync();
        await registry.AddAsync(Account("target-b"));
        var at = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

        Assert.True(await registry.RecordCheckAsync("target-b", "4 granted", at));
        Assert.False(await registry.RecordCheckAsync("missing", "x", at));

        var stored = await registry.GetAsync("target-b");
        Assert.Equal("4 granted", stored!.LastCheckSummary);
        Assert.Equal(at, stored.LastCheckTime);
    }

    [Fact]
    public async Task A_check_run_is_recorded_at_once_and_names_the_aliases_gone_meanwhile()
    {
        var registry = await OpenAsync();
        await registry.AddAsync(Account("target-b"));
        await registry.AddAsync(Account("target-c", "333333333333"));
        var at = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

        var gone = await registry.RecordChecksAsync([("target-b", "ready"), ("removed", "x"), ("TARGET-C", "incomplete")], at);

        Assert.Equal(["removed"], gone);
        Assert.Equal("ready", (await registry.GetAsync("target-b"))!.LastCheckSummary);
        Assert.Equal("incomplete", (await registry.GetAsync("target-c"))!.LastCheckSummary);
    }

    [Fact]
    public async Task The_registry_policy_persists_and_an_empty_fragment_clears_it()
    {
        var registry = await OpenAsync();
        Assert.Null((await registry.GetPolicyAsync()).RequireRoleNameContains);

        await registry.SetPolicyAsync(new RegistryPolicy("Crossgate"));
        Assert.Equal("Crossgate", (await (await OpenAsync()).GetPolicyAsync()).RequireRoleNameContains);

        await registry.SetPolicyAsync(new RegistryPolicy(string.Empty));
        Assert.Null((await registry.GetPolicyAsync()).RequireRoleNameContains);
    }

    [Fact]
    public async Task Concurrent_adds_are_all_kept()
    {
        var registry = await OpenAsync();

        var errors = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => registry.AddAsync(Account($"a{i}", $"2222222222{i:00}"))));

        Assert.All(errors, Assert.Null);
        Assert.Equal(20, (await registry.ListAsync()).Count);
    }

    [Fact]
    public async Task Concurrent_adds_of_one_alias_keep_exactly_one()
    {
        var registry = await OpenAsync();

        var errors = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => registry.AddAsync(Account(i % 2 == 0 ? "shared" : "SHARED", $"2222222222{i:00}"))));

        Assert.Single(errors, e => e is null);
        Assert.All(errors.Where(e => e is not null), e => Assert.Contains("already registered", e));
        Assert.Single(await registry.ListAsync());
    }
}

public sealed class SqliteAccountRegistryTests : AccountRegistryContract, IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "crossgate-registry-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IAccountRegistry> OpenAsync() => await AccountRegistries.OpenAsync(_dir, null);

    [Fact]
    public async Task The_registry_is_platform_db_in_the_data_directory()
    {
        var registry = await OpenAsync();

        Assert.Equal(Path.Combine(_dir, "platform.db"), registry.Description);
        Assert.True(File.Exists(Path.Combine(_dir, "platform.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAccountRegistryTests(PostgresServer server) : AccountRegistryContract, IAsyncLifetime
{
    private string? _connectionString;

    public async Task InitializeAsync() => _connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task<IAccountRegistry> OpenAsync() => await AccountRegistries.OpenAsync(null, _connectionString);

    [Fact]
    public async Task Operators_opening_a_new_registry_together_create_it_once()
    {
        var fresh = await server.CreateDatabaseAsync();
        var registries = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AccountRegistries.OpenAsync(null, fresh)));

        Assert.Null(await registries[0].AddAsync(Account("a")));
        Assert.Equal(["a"], (await registries[3].ListAsync()).Select(a => a.Alias));
        Assert.StartsWith("postgres:127.0.0.1:", registries[1].Description);
    }
}
