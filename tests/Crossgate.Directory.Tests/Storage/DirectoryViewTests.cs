using Crossgate.Directory.Examples;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>The in-memory view answers repeated reads without the store, yet never serves a value older than the
/// last write: through the same store object at once, through another store object on the same file (another
/// process) within the change counter's poll.</summary>
public sealed class DirectoryViewTests : IAsyncLifetime
{
    private const string Account = ExampleOrganization.Management;
    private TempStore _temp = null!;
    private DirectoryView _view = null!;

    public async Task InitializeAsync()
    {
        _temp = await TempStore.CreateAsync();
        (await ExampleOrganization.CreateAsync(_temp.Store)).GetValueOrThrow();
        _view = new DirectoryView(_temp.Store);
    }

    public async Task DisposeAsync()
    {
        await _view.DisposeAsync();
        await _temp.DisposeAsync();
    }

    [Fact]
    public async Task A_second_read_and_a_second_gathering_read_nothing_from_the_store()
    {
        var gatherer = new PolicyGatherer(_view);
        var first = (await gatherer.ForUserAsync(Account, "bob")).GetValueOrThrow();
        await gatherer.ForResourceAsync($"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.CrossAccountRole}", ExampleOrganization.TargetB);
        await _view.GetUserAsync(Account, "nobody");
        var reads = _view.StoreReads;

        var again = (await gatherer.ForUserAsync(Account, "bob")).GetValueOrThrow();
        await gatherer.ForResourceAsync($"arn:aws:iam::{ExampleOrganization.TargetB}:role/{ExampleOrganization.CrossAccountRole}", ExampleOrganization.TargetB);
        var missAgain = await _view.GetUserAsync(Account, "nobody");

        Assert.True(_view.IsCaching);
        Assert.Equal(reads, _view.StoreReads);
        Assert.Same(first, again);
        Assert.Null(missAgain);
    }

    [Fact]
    public async Task A_write_through_the_store_is_seen_by_the_very_next_read()
    {
        var gatherer = new PolicyGatherer(_view);
        var before = (await gatherer.ForUserAsync(Account, "alex")).GetValueOrThrow();
        var missing = await _view.GetUserAsync(Account, "carol");

        (await new IamDirectory(_temp.Store).PutUserPolicyAsync(Account, "alex", "Extra",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""")).GetValueOrThrow();
        (await new IamDirectory(_temp.Store).CreateUserAsync(Account, "carol")).GetValueOrThrow();
        var after = (await gatherer.ForUserAsync(Account, "alex")).GetValueOrThrow();
        var created = await _view.GetUserAsync(Account, "carol");

        Assert.Equal(before.IdentityPolicies.Length + 1, after.IdentityPolicies.Length);
        Assert.Null(missing);
        Assert.NotNull(created);
    }

    [Fact]
    public async Task Audit_only_commits_keep_the_view()
    {
        var store = (SqliteDirectoryStore)_temp.Store;
        await _view.GetUserAsync(Account, "alex");
        // The watcher's first reading of the change counter counts as a change: sample after it.
        await ReadingsAfterAsync(store, 0);
        var generation = _view.Generation;

        await _temp.Store.CommitAsync(new ChangeSet().Append(new Model.AuditEvent
        {
            EventId = UniqueIds.NewEventId(), EventTime = DateTimeOffset.UtcNow, EventSource = "sts.amazonaws.com", EventName = "GetCallerIdentity",
            AwsRegion = "us-east-1",
        }));

        // Two more readings: at least one began after the commit, and an audit-only commit does not move the counter.
        await ReadingsAfterAsync(store, store.ChangeCounterReadings + 1);
        Assert.Equal(generation, _view.Generation);
    }

    /// <summary>Waits until the watcher has read the change counter more than <paramref name="count"/> times.</summary>
    private static async Task ReadingsAfterAsync(SqliteDirectoryStore store, long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (store.ChangeCounterReadings <= count)
        {
            Assert.True(DateTime.UtcNow < deadline, "the change counter was not read within 30 s");
            await Task.Delay(SqliteDirectoryStore.ForeignChangePollInterval);
        }
    }

    [Fact]
    public async Task A_write_by_another_process_is_seen_after_the_change_counter_is_polled()
    {
        var missing = await _view.GetUserAsync(Account, "dana");
        await using (var other = await DirectoryStoreFactory.OpenAsync(_temp.Folder))
        {
            (await new IamDirectory(other).CreateUserAsync(Account, "dana")).GetValueOrThrow();
        }

        var deadline = DateTime.UtcNow.AddSeconds(5);
        Model.IamUser? seen = null;
        while (seen is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
            seen = (await _view.GetUserAsync(Account, "dana"))?.Value;
        }

        Assert.Null(missing);
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task A_read_that_raced_with_a_write_is_not_kept()
    {
        var started = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var slow = _view.DerivedAsync("racing", async _ =>
        {
            started.SetResult();
            await release.Task;
            return "old";
        });
        await started.Task;

        _view.Invalidate();
        release.SetResult();
        await slow;
        var next = await _view.DerivedAsync("racing", _ => Task.FromResult("new"));

        Assert.Equal("new", next);
    }
}
