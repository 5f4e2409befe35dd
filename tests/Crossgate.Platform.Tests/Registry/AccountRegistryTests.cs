using Crossgate.Platform.Registry;

namespace Crossgate.Platform.Tests.Registry;

public sealed class AccountRegistryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "crossgate-registry-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, recursive: true);
        }
    }

    private static RegisteredAccount Account(string alias, string account = "222222222222") => new()
    {
        Alias = alias, RoleArn = $"arn:aws:iam::{account}:role/PlatformResponseRole", AccountId = account, ExternalId = "ext-id-1", SessionDuration = 1800,
    };

    [Fact]
    public async Task Registrations_are_kept_in_platform_db_across_opens()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        Assert.Null(await registry.AddAsync(Account("target-b")));
        Assert.Null(await registry.AddAsync(Account("target-c", "333333333333")));

        var reopened = await AccountRegistry.OpenAsync(_dir);
        var listed = await reopened.ListAsync();

        Assert.True(File.Exists(Path.Combine(_dir, "platform.db")));
        Assert.Equal(["target-b", "target-c"], listed.Select(a => a.Alias));
        Assert.Equal(Account("target-c", "333333333333"), await reopened.GetAsync("target-c"));
    }

    [Fact]
    public async Task Aliases_are_unique_ignoring_case()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        Assert.Null(await registry.AddAsync(Account("target-b")));

        var error = await registry.AddAsync(Account("TARGET-B", "333333333333"));

        Assert.Contains("already registered for arn:aws:iam::222222222222:role/PlatformResponseRole", error);
        Assert.Single(await registry.ListAsync());
    }

    [Fact]
    public async Task Remove_deletes_only_the_named_registration_and_says_when_there_was_none()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        await registry.AddAsync(Account("target-b"));
        await registry.AddAsync(Account("target-c", "333333333333"));

        Assert.True(await registry.RemoveAsync("target-b"));
        Assert.False(await registry.RemoveAsync("target-b"));
        Assert.Equal(["target-c"], (await registry.ListAsync()).Select(a => a.Alias));
    }

    [Fact]
    public async Task The_last_check_is_recorded_with_the_registration()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        await registry.AddAsync(Account("target-b"));
        var at = new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero);

        Assert.True(await registry.RecordCheckAsync("target-b", "4 granted", at));
        Assert.False(await registry.RecordCheckAsync("missing", "x", at));

        var stored = await registry.GetAsync("target-b");
        Assert.Equal("4 granted", stored!.LastCheckSummary);
        Assert.Equal(at, stored.LastCheckTime);
    }

    [Fact]
    public async Task The_registry_policy_persists_and_an_empty_fragment_clears_it()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);
        Assert.Null((await registry.GetPolicyAsync()).RequireRoleNameContains);

        await registry.SetPolicyAsync(new RegistryPolicy("Crossgate"));
        Assert.Equal("Crossgate", (await (await AccountRegistry.OpenAsync(_dir)).GetPolicyAsync()).RequireRoleNameContains);

        await registry.SetPolicyAsync(new RegistryPolicy(string.Empty));
        Assert.Null((await registry.GetPolicyAsync()).RequireRoleNameContains);
    }

    [Fact]
    public async Task Concurrent_adds_are_all_kept()
    {
        var registry = await AccountRegistry.OpenAsync(_dir);

        var errors = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => registry.AddAsync(Account($"a{i}", $"2222222222{i:00}"))));

        Assert.All(errors, Assert.Null);
        Assert.Equal(20, (await registry.ListAsync()).Count);
    }
}
