using System.Collections.Immutable;
using Crossgate.Platform.Tests.Support;
using Crossgate.Tests.Shared;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Platform.Tests.ServiceStore;

/// <summary>One contract, two stores: the same tests against SQLite in a temporary folder and a fresh PostgreSQL
/// database.</summary>
public abstract class PlatformStoreContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    protected IPlatformStore Store { get; private set; } = null!;

    protected abstract Task<IPlatformStore> OpenAsync();

    public async Task InitializeAsync() => Store = await OpenAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    private static StoredCheck Check(string alias, string verdict, int minute, params (string Sid, string Status)[] groups) => new(
        0, alias, T0.AddMinutes(minute), T0.AddMinutes(minute).AddSeconds(2), verdict != "notAssumable", verdict == "notAssumable" ? "refused" : null, verdict,
        [.. groups.Select(g => new StoredGroup(g.Sid, g.Status, g.Status == "granted" ? [] : ["s3:GetObject"], [], g.Status == "granted" ? [] : ["s3:GetObject: no statement allows it"]))]);

    [Fact]
    public async Task Tokens_are_unique_by_name_ignoring_case_found_by_hash_and_revoked()
    {
        Assert.True(await Store.AddTokenAsync(new ApiToken("ci", "hash-1", false, T0)));
        Assert.False(await Store.AddTokenAsync(new ApiToken("CI", "hash-2", true, T0)));
        Assert.True(await Store.AddTokenAsync(new ApiToken("auditor", "hash-3", true, T0.AddDays(1))));

        Assert.Equal(["auditor", "ci"], (await Store.ListTokensAsync()).Select(t => t.Name));
        Assert.Equal(new ApiToken("auditor", "hash-3", true, T0.AddDays(1)), await Store.FindTokenAsync("hash-3"));
        Assert.Null(await Store.FindTokenAsync("hash-2"));

        Assert.True(await Store.RevokeTokenAsync("Ci"));
        Assert.False(await Store.RevokeTokenAsync("ci"));
        Assert.Null(await Store.FindTokenAsync("hash-1"));
        Assert.Equal(["auditor"], (await Store.ListTokensAsync()).Select(t => t.Name));
    }

    [Fact]
    public async Task Checks_keep_their_groups_come_back_newest_first_and_the_latest_per_account()
    {
        var first = await Store.AddCheckAsync(Check("prod", "ready", 0, ("Read", "granted"), ("Write", "granted")));
        var second = await Store.AddCheckAsync(Check("Prod", "incomplete", 5, ("Read", "granted"), ("Write", "denied")));
        var other = await Store.AddCheckAsync(Check("dev", "notAssumable", 3));
        Assert.True(first.Id > 0 && second.Id > first.Id && other.Id > first.Id);

        var history = await Store.ListChecksAsync("PROD", 10);
        Assert.Equal([second.Id, first.Id], history.Select(c => c.Id));
        var read = history[0];
        Assert.Equal(second.StartedAt, read.StartedAt);
        Assert.Equal(second.FinishedAt, read.FinishedAt);
        Assert.Equal("incomplete", read.Verdict);
        Assert.True(read.Assumable);
        Assert.Equal(["Read", "Write"], read.Groups.Select(g => g.Sid));
        Assert.Equal("denied", read.Groups[1].Status);
        Assert.Equal(["s3:GetObject"], read.Groups[1].MissingActions.ToArray());
        Assert.Equal(["s3:GetObject: no statement allows it"], read.Groups[1].Reasons.ToArray());
        Assert.Single(await Store.ListChecksAsync("prod", 1));

        var latest = await Store.LatestChecksAsync();
        Assert.Equal(2, latest.Count);
        Assert.Equal(second.Id, latest["prod"].Id);
        Assert.Equal("refused", latest["DEV"].Reason);
        Assert.False(latest["dev"].Assumable);

        await Store.AddEventsAsync([new PlatformEvent(0, T0, "prod", PlatformEvent.GroupStatusChanged, "Write", "granted", "denied", "prod: Write went from granted to denied.")]);
        await Store.RemoveAccountHistoryAsync("PROD");
        Assert.Empty(await Store.ListChecksAsync("prod", 10));
        Assert.Empty(await Store.ListEventsAsync(10));
        Assert.Single(await Store.ListChecksAsync("dev", 10));
    }

    [Fact]
    public async Task Events_come_back_newest_first_with_every_field()
    {
        await Store.AddEventsAsync([]);
        await Store.AddEventsAsync(
        [
            new PlatformEvent(0, T0, "prod", PlatformEvent.AssumabilityChanged, null, "assumable", "notAssumable", "prod: the role can no longer be assumed."),
            new PlatformEvent(0, T0.AddMinutes(1), "prod", PlatformEvent.GroupStatusChanged, "Write", "granted", "denied", "prod: Write went from granted to denied."),
        ]);

        var events = await Store.ListEventsAsync(10);
        Assert.Equal(["Write", null], events.Select(e => e.Sid));
        Assert.Equal(new PlatformEvent(events[1].Id, T0, "prod", "assumability", null, "assumable", "notAssumable", "prod: the role can no longer be assumed."), events[1]);
        Assert.Single(await Store.ListEventsAsync(1));
    }

    [Fact]
    public async Task The_permission_profile_is_stored_and_replaced()
    {
        Assert.Null(await Store.GetPermissionsAsync());
        await Store.SetPermissionsAsync("""{"Version":"2012-10-17","Statement":[]}""");
        await Store.SetPermissionsAsync("""{"Version":"2012-10-17","Statement":[{"Sid":"A"}]}""");
        Assert.Equal("""{"Version":"2012-10-17","Statement":[{"Sid":"A"}]}""", await Store.GetPermissionsAsync());
    }

    [Fact]
    public async Task Concurrent_checks_each_get_their_own_id()
    {
        var added = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Store.AddCheckAsync(Check($"a{i % 4}", "ready", i, ("Read", "granted")))));
        Assert.Equal(16, added.Select(c => c.Id).Distinct().Count());
        Assert.Equal(4, (await Store.LatestChecksAsync()).Count);
    }
}

public sealed class SqlitePlatformStoreTests : PlatformStoreContractTests
{
    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("crossgate-platform-store-").FullName;

    protected override async Task<IPlatformStore> OpenAsync() => await PlatformStoreFactory.OpenAsync(_folder, null);

    [Fact]
    public async Task Reopening_the_folder_finds_what_was_stored()
    {
        await Store.SetPermissionsAsync("{}");
        await Store.AddTokenAsync(new ApiToken("ci", "h", false, DateTimeOffset.UnixEpoch));
        await using var again = await PlatformStoreFactory.OpenAsync(_folder, null);
        Assert.Equal("{}", await again.GetPermissionsAsync());
        Assert.NotNull(await again.FindTokenAsync("h"));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresPlatformStoreTests(PostgresServer postgres) : PlatformStoreContractTests
{
    protected override async Task<IPlatformStore> OpenAsync() => await PlatformStoreFactory.OpenAsync(null, await postgres.CreateDatabaseAsync());

    [Fact]
    public async Task Two_services_opening_one_database_at_once_share_it()
    {
        var database = await postgres.CreateDatabaseAsync();
        var stores = await Task.WhenAll(PlatformStoreFactory.OpenAsync(null, database), PlatformStoreFactory.OpenAsync(null, database));
        await stores[0].AddTokenAsync(new ApiToken("ci", "h", false, DateTimeOffset.UnixEpoch));
        Assert.NotNull(await stores[1].FindTokenAsync("h"));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }
}
