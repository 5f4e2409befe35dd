using Crossgate.Directory.Examples;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;

namespace Crossgate.Directory.Tests.Examples;

/// <summary>A store holding the example organization, and helpers to open sessions in it.</summary>
public sealed class ExampleFixture : IAsyncDisposable
{
    private ExampleFixture(TempStore temp, ExampleOrganizationIds ids)
    {
        Temp = temp;
        Ids = ids;
        Gatherer = new PolicyGatherer(temp.Store);
    }

    public TempStore Temp { get; }

    public IDirectoryStore Store => Temp.Store;

    public ExampleOrganizationIds Ids { get; }

    public PolicyGatherer Gatherer { get; }

    public static async Task<ExampleFixture> CreateAsync()
    {
        var temp = await TempStore.CreateAsync();
        var created = await ExampleOrganization.CreateAsync(temp.Store);
        Assert.True(created.Success, created.ToString());
        return new ExampleFixture(temp, created.Value!);
    }

    /// <summary>A stored role session, as the endpoint would create after a successful AssumeRole.</summary>
    public async Task<StsSession> SessionAsync(string account, string roleName, string sessionName = "s", string? sessionPolicy = null, IReadOnlyList<Tag>? tags = null)
    {
        var role = (await Store.GetRoleAsync(account, roleName))!.Value;
        var now = DateTimeOffset.UtcNow;
        var session = new StsSession
        {
            AccountId = account, AccessKeyId = UniqueIds.NewTemporaryAccessKeyId(), SecretAccessKey = UniqueIds.NewSecretAccessKey(),
            SessionToken = UniqueIds.NewSessionToken(), IssuedAt = now, Expiration = now.AddHours(1), RoleArn = role.Arn, RoleId = role.RoleId,
            SessionName = sessionName, SessionPolicy = sessionPolicy, SessionTags = tags ?? [],
        };
        Assert.True((await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Sessions, session))).Success);
        return session;
    }

    public ValueTask DisposeAsync() => Temp.DisposeAsync();
}
