using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>What every <see cref="IDirectoryStore"/> must do. Each concrete subclass runs all of it against one
/// implementation on a fresh, empty store.</summary>
public abstract class DirectoryStoreContract : IAsyncLifetime
{
    private const string A = "111111111111";
    private const string B = "222222222222";

    protected IDirectoryStore Store { get; private set; } = null!;

    /// <summary>A new empty store; <paramref name="second"/> asks for another handle on the same database.</summary>
    protected abstract Task<IDirectoryStore> OpenAsync(bool second = false);

    public async Task InitializeAsync() => Store = await OpenAsync();

    public virtual async Task DisposeAsync() => await Store.DisposeAsync();

    [ContractFact]
    public async Task Insert_then_get_round_trips_the_entity_at_version_1()
    {
        var user = Samples.User(A, "Alex", "/eng/");
        Assert.True((await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user))).Success);

        var read = await Store.GetUserAsync(A, "alex");

        Assert.NotNull(read);
        Assert.Equal(1, read.Version);
        Assert.Equal(DirectoryJson.Serialize(user), DirectoryJson.Serialize(read.Value));
        Assert.Equal("arn:aws:iam::111111111111:user/eng/Alex", read.Value.Arn);
    }

    [ContractFact]
    public async Task Names_are_unique_per_account_ignoring_case_but_not_across_accounts()
    {
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(A, "alex")));

        var clash = await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(A, "ALEX")));
        var other = await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(B, "ALEX")));

        Assert.False(clash.Success);
        Assert.Equal(ConflictReason.AlreadyExists, clash.Reason);
        Assert.True(other.Success);
        Assert.Equal("alex", (await Store.GetUserAsync(A, "Alex"))!.Value.UserName);
        Assert.Equal("ALEX", (await Store.GetUserAsync(B, "alex"))!.Value.UserName);
    }

    [ContractFact]
    public async Task A_unique_id_cannot_be_used_twice()
    {
        var first = Samples.User(A, "one");
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, first));

        var result = await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(B, "two") with { UserId = first.UserId }));

        Assert.Equal(ConflictReason.AlreadyExists, result.Reason);
        Assert.Null(await Store.GetUserAsync(B, "two"));
    }

    [ContractFact]
    public async Task Update_needs_the_current_version()
    {
        var user = Samples.User(A, "alex");
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user));

        var ok = await Store.CommitAsync(new ChangeSet().Update(EntityKinds.Users, user with { Path = "/a/" }, 1));
        var stale = await Store.CommitAsync(new ChangeSet().Update(EntityKinds.Users, user with { Path = "/b/" }, 1));

        Assert.True(ok.Success);
        Assert.Equal(ConflictReason.VersionMismatch, stale.Reason);
        var read = await Store.GetUserAsync(A, "alex");
        Assert.Equal(2, read!.Version);
        Assert.Equal("/a/", read.Value.Path);
    }

    [ContractFact]
    public async Task A_change_set_with_one_conflict_writes_nothing()
    {
        var existing = Samples.User(A, "existing");
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, existing));
        var changes = new ChangeSet()
            .Insert(EntityKinds.Users, Samples.User(A, "new"))
            .Insert(EntityKinds.AccessKeys, Samples.Key(A, "new"))
            .Append(Samples.Event(A, "CreateUser", Samples.Created))
            .Update(EntityKinds.Users, existing with { Path = "/x/" }, 7);

        var result = await Store.CommitAsync(changes);

        Assert.False(result.Success);
        Assert.Equal(EntityKinds.Users.Table, result.Conflict!.EntityKind.Table);
        Assert.Null(await Store.GetUserAsync(A, "new"));
        Assert.Empty(await Store.ListAccessKeysAsync(A, "new"));
        Assert.Empty(await Store.QueryAuditAsync(new AuditQuery()));
        Assert.Equal("/", (await Store.GetUserAsync(A, "existing"))!.Value.Path);
    }

    [ContractFact]
    public async Task Delete_and_touch_check_the_version()
    {
        var user = Samples.User(A, "alex");
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user));

        Assert.True((await Store.CommitAsync(new ChangeSet().Touch<IamUser>(EntityKinds.Users, A, "alex", 1))).Success);
        Assert.False((await Store.CommitAsync(new ChangeSet().Delete(EntityKinds.Users, user, 1))).Success);
        Assert.Equal(2, (await Store.GetUserAsync(A, "alex"))!.Version);
        Assert.True((await Store.CommitAsync(new ChangeSet().Delete(EntityKinds.Users, user, 2))).Success);
        Assert.Null(await Store.GetUserAsync(A, "alex"));
        Assert.False((await Store.CommitAsync(new ChangeSet().Delete(EntityKinds.Users, user, 2))).Success);
    }

    [ContractFact]
    public async Task Upsert_creates_then_replaces_whatever_the_version()
    {
        var role = new IamRole { AccountId = A, RoleName = "R", RoleId = UniqueIds.NewRoleId(), AssumeRolePolicyDocument = "{}" };
        await Store.CommitAsync(new ChangeSet().Upsert(EntityKinds.Roles, role));
        await Store.CommitAsync(new ChangeSet().Upsert(EntityKinds.Roles, role with { Description = "second" }));

        var read = await Store.GetRoleAsync(A, "r");

        Assert.Equal(2, read!.Version);
        Assert.Equal("second", read.Value.Description);
    }

    [ContractFact]
    public async Task Lists_page_with_marker_and_max_items_in_key_order()
    {
        var changes = new ChangeSet();
        var names = Enumerable.Range(0, 25).Select(i => $"user{i:D2}").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            changes.Insert(EntityKinds.Users, Samples.User(A, name));
        }

        changes.Insert(EntityKinds.Users, Samples.User(B, "elsewhere"));
        await Store.CommitAsync(changes);

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(EntityKinds.Users, A, new ListQuery { Marker = marker, MaxItems = 10 });
            seen.AddRange(page.Items.Select(i => i.Value.UserName));
            Assert.Equal(page.IsTruncated, page.Marker is not null);
            marker = page.Marker;
            pages++;
        }
        while (marker is not null);

        Assert.Equal(3, pages);
        Assert.Equal(names, seen);
    }

    [ContractFact]
    public async Task Lists_filter_by_path_prefix_and_owner()
    {
        await Store.CommitAsync(new ChangeSet()
            .Insert(EntityKinds.Users, Samples.User(A, "a", "/eng/"))
            .Insert(EntityKinds.Users, Samples.User(A, "b", "/eng/team/"))
            .Insert(EntityKinds.Users, Samples.User(A, "c", "/ops/"))
            .Insert(EntityKinds.AccessKeys, Samples.Key(A, "a"))
            .Insert(EntityKinds.AccessKeys, Samples.Key(A, "A"))
            .Insert(EntityKinds.AccessKeys, Samples.Key(A, "b")));

        var eng = await Store.ListAsync(EntityKinds.Users, A, new ListQuery { PathPrefix = "/eng/" });
        var keysOfA = await Store.ListAccessKeysAsync(A, "a");

        Assert.Equal(["a", "b"], eng.Items.Select(i => i.Value.UserName));
        Assert.Equal(2, keysOfA.Count);
    }

    [ContractFact]
    public async Task Access_keys_and_sessions_are_found_by_key_id_until_they_expire()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var key = Samples.Key(A, "alex");
        var live = Samples.Session(B, now.AddMinutes(30));
        var expired = Samples.Session(B, now.AddMinutes(-1));
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.AccessKeys, key).Insert(EntityKinds.Sessions, live).Insert(EntityKinds.Sessions, expired));

        Assert.Equal(key.SecretAccessKey, (await Store.FindAccessKeyAsync(key.AccessKeyId))!.Value.SecretAccessKey);
        var session = await Store.FindLiveSessionAsync(live.AccessKeyId, now);
        Assert.Equal(DirectoryJson.Serialize(live), DirectoryJson.Serialize(session));
        Assert.Null(await Store.FindLiveSessionAsync(expired.AccessKeyId, now));
        Assert.Null(await Store.FindAccessKeyAsync("AKIANOTTHERE0000000"));

        Assert.Equal(1, await Store.DeleteExpiredSessionsAsync(now));
        Assert.Null(await Store.FindSessionAsync(expired.AccessKeyId));
        Assert.NotNull(await Store.FindSessionAsync(live.AccessKeyId));
    }

    [ContractFact]
    public async Task Scopes_are_listed()
    {
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(B, "x")).Insert(EntityKinds.Users, Samples.User(A, "y")));

        Assert.Equal([A, B], await Store.ListScopesAsync(EntityKinds.Users));
        Assert.Empty(await Store.ListScopesAsync(EntityKinds.Roles));
    }

    [ContractFact]
    public async Task Every_entity_of_a_kind_is_listed_in_one_read_by_scope_then_key()
    {
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, Samples.User(B, "x")).Insert(EntityKinds.Users, Samples.User(A, "z"))
            .Insert(EntityKinds.Users, Samples.User(A, "y")));

        var all = await Store.ListEverywhereAsync(EntityKinds.Users);
        Assert.Equal([(A, "y"), (A, "z"), (B, "x")], all.Select(u => (u.Value.AccountId, u.Value.UserName)).ToArray());
        Assert.All(all, u => Assert.Equal(1, u.Version));
        Assert.Empty(await Store.ListEverywhereAsync(EntityKinds.Roles));
    }

    [ContractFact]
    public async Task Audit_events_are_appended_and_queried_newest_first()
    {
        var t0 = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var changes = new ChangeSet();
        for (var i = 0; i < 6; i++)
        {
            changes.Append(Samples.Event(i % 2 == 0 ? A : B, i < 3 ? "CreateUser" : "DeleteUser", t0.AddMinutes(i)) with { ErrorCode = i == 5 ? "NoSuchEntity" : null });
        }

        await Store.CommitAsync(changes);

        var all = await Store.QueryAuditAsync(new AuditQuery());
        var ofA = await Store.QueryAuditAsync(new AuditQuery { AccountId = A });
        var deletes = await Store.QueryAuditAsync(new AuditQuery { EventName = "DeleteUser", StartTime = t0.AddMinutes(4) });
        var older = await Store.QueryAuditAsync(new AuditQuery { BeforeSequence = all[1].Sequence, MaxResults = 2 });

        Assert.Equal(6, all.Count);
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.Sequence > p.Second.Sequence));
        Assert.Equal("NoSuchEntity", all[0].ErrorCode);
        Assert.Equal(3, ofA.Count);
        Assert.Equal(2, deletes.Count);
        Assert.Equal([all[2].EventId, all[3].EventId], older.Select(e => e.EventId));
        Assert.Equal("""{"userName":"alex"}""", all[0].RequestParameters);
    }

    [ContractFact]
    public async Task Two_handles_on_one_database_do_not_both_win_a_race()
    {
        await using var other = await OpenAsync(second: true);
        var user = Samples.User(A, "alex");
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Users, user));
        var seenHere = await Store.GetUserAsync(A, "alex");
        var seenThere = await other.GetUserAsync(A, "alex");

        var first = await Store.CommitAsync(new ChangeSet().Update(EntityKinds.Users, seenHere!.Value with { Path = "/here/" }, seenHere.Version));
        var second = await other.CommitAsync(new ChangeSet().Update(EntityKinds.Users, seenThere!.Value with { Path = "/there/" }, seenThere.Version));

        Assert.True(first.Success);
        Assert.False(second.Success);
        Assert.Equal("/here/", (await other.GetUserAsync(A, "alex"))!.Value.Path);
    }

    [ContractFact]
    public async Task Concurrent_read_modify_write_loses_no_update()
    {
        await using var other = await OpenAsync(second: true);
        await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Accounts, Samples.Account(A, "0")));

        async Task IncrementAsync(IDirectoryStore store)
        {
            while (true)
            {
                var current = await store.GetAccountAsync(A);
                var next = current!.Value with { Name = (int.Parse(current.Value.Name) + 1).ToString() };
                if ((await store.CommitAsync(new ChangeSet().Update(EntityKinds.Accounts, next, current.Version))).Success)
                {
                    return;
                }
            }
        }

        var tasks = Enumerable.Range(0, 40).Select(i => Task.Run(() => IncrementAsync(i % 2 == 0 ? Store : other)));
        await Task.WhenAll(tasks);

        var final = await Store.GetAccountAsync(A);
        Assert.Equal("40", final!.Value.Name);
        Assert.Equal(41, final.Version);
    }

    [ContractFact]
    public async Task Every_entity_kind_round_trips()
    {
        var org = new Organization { Id = "o-abcdefghij", ManagementAccountId = A };
        var root = new OrganizationRoot { Id = "r-ab12", OrganizationId = org.Id, Arn = "arn:aws:organizations::111111111111:root/o-abcdefghij/r-ab12", PolicyTypes = ["SERVICE_CONTROL_POLICY"], AttachedPolicyIds = ["p-FullAWSAccess"] };
        var ou = new OrganizationalUnit { Id = "ou-ab12-abcdefgh", OrganizationId = org.Id, Arn = "arn:x", Name = "Workloads", ParentId = root.Id };
        var scp = new OrganizationPolicy { Id = "p-FullAWSAccess", OrganizationId = org.Id, Name = "FullAWSAccess", Type = OrganizationPolicyType.ServiceControlPolicy, AwsManaged = true, Content = "{}", Arn = "arn:y" };
        var group = new IamGroup { AccountId = A, GroupName = "admins", GroupId = UniqueIds.NewGroupId(), AttachedPolicies = [new AttachedPolicy("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess")] };
        var policy = new ManagedPolicy
        {
            AccountId = A, PolicyName = "P", PolicyId = UniqueIds.NewPolicyId(), Path = "/x/",
            Versions = [new PolicyVersion { VersionId = "v2", Document = "{}", IsDefaultVersion = true }, new PolicyVersion { VersionId = "v1", Document = "{ }" }],
        };
        var mfa = new VirtualMfaDevice { AccountId = A, SerialNumber = "arn:aws:iam::111111111111:mfa/alex", Base32Seed = UniqueIds.NewTotpSeed(), UserName = "alex" };
        await Store.CommitAsync(new ChangeSet()
            .Insert(EntityKinds.Organizations, org).Insert(EntityKinds.Roots, root).Insert(EntityKinds.OrganizationalUnits, ou)
            .Insert(EntityKinds.OrganizationPolicies, scp).Insert(EntityKinds.Groups, group).Insert(EntityKinds.ManagedPolicies, policy)
            .Insert(EntityKinds.MfaDevices, mfa));

        Assert.Equal(DirectoryJson.Serialize(org), DirectoryJson.Serialize((await Store.GetOrganizationAsync(org.Id))!.Value));
        Assert.Equal(DirectoryJson.Serialize(root), DirectoryJson.Serialize((await Store.GetRootAsync(org.Id, root.Id))!.Value));
        Assert.Equal(DirectoryJson.Serialize(ou), DirectoryJson.Serialize((await Store.GetOrganizationalUnitAsync(org.Id, ou.Id))!.Value));
        Assert.Equal(DirectoryJson.Serialize(scp), DirectoryJson.Serialize((await Store.GetOrganizationPolicyAsync(org.Id, scp.Id))!.Value));
        Assert.Equal(DirectoryJson.Serialize(group), DirectoryJson.Serialize((await Store.GetGroupAsync(A, "ADMINS"))!.Value));
        var readPolicy = await Store.GetManagedPolicyByArnAsync("arn:aws:iam::111111111111:policy/x/P");
        Assert.Equal("v2", readPolicy!.Value.DefaultVersionId);
        Assert.Null(await Store.GetManagedPolicyByArnAsync("arn:aws:iam::111111111111:policy/P"));
        Assert.Equal(mfa.Base32Seed, (await Store.FindByUniqueIdAsync(EntityKinds.MfaDevices, mfa.SerialNumber))!.Value.Base32Seed);
    }
}
