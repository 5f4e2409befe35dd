using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Tests.Infrastructure;
using Crossgate.Tests.Shared;

namespace Crossgate.Directory.Tests.Storage;

/// <summary>Conflicting writes from 16 clients at once, through two handles on one database (two servers): names
/// stay unique and references resolve afterwards, because the store itself refuses the losing write (a touched
/// row's version), not only a check made before it.</summary>
public abstract class ConcurrentWriteContract : IAsyncLifetime
{
    private const int Clients = 16;
    private const string Account = "111111111111";
    private const string Document = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]}""";

    private IDirectoryStore _first = null!;
    private IDirectoryStore _second = null!;

    /// <summary>A handle on the test's database; <paramref name="second"/> opens another on the same one.</summary>
    protected abstract Task<IDirectoryStore> OpenAsync(bool second);

    public async Task InitializeAsync()
    {
        _first = await OpenAsync(false);
        _second = await OpenAsync(true);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    private IamDirectory Iam(int client) => new(client % 2 == 0 ? _first : _second);

    private OrganizationsDirectory Orgs(int client) => new(client % 2 == 0 ? _first : _second);

    [ContractFact]
    public async Task A_permissions_boundary_never_points_at_a_policy_deleted_at_the_same_time()
    {
        for (var round = 0; round < 6; round++)
        {
            var policy = (await Iam(0).CreatePolicyAsync(Account, $"Boundary{round}", Document)).GetValueOrThrow();
            (await Iam(0).CreateUserAsync(Account, $"user{round}")).GetValueOrThrow();
            (await Iam(0).CreateRoleAsync(Account, $"role{round}", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"sts:AssumeRole"}]}""")).GetValueOrThrow();

            var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i => (i % 4) switch
            {
                0 => (await Iam(i).PutUserPermissionsBoundaryAsync(Account, $"user{round}", policy.Arn)).Error,
                1 => (await Iam(i).PutRolePermissionsBoundaryAsync(Account, $"role{round}", policy.Arn)).Error,
                _ => (await Iam(i).DeletePolicyAsync(policy.Arn)).Error,
            }));

            Assert.DoesNotContain(results, e => e is { Code: IamError.ConcurrentModificationCode });
            var exists = await _first.GetManagedPolicyByArnAsync(policy.Arn) is not null;
            var user = (await _first.GetUserAsync(Account, $"user{round}"))!.Value;
            var role = (await _first.GetRoleAsync(Account, $"role{round}"))!.Value;
            Assert.True(exists || user.PermissionsBoundaryArn is null, $"round {round}: user boundary {user.PermissionsBoundaryArn} names a deleted policy");
            Assert.True(exists || role.PermissionsBoundaryArn is null, $"round {round}: role boundary {role.PermissionsBoundaryArn} names a deleted policy");
        }
    }

    [ContractFact]
    public async Task Attach_detach_and_delete_racing_leave_no_dangling_attachment()
    {
        var policy = (await Iam(0).CreatePolicyAsync(Account, "Raced", Document)).GetValueOrThrow();
        for (var u = 0; u < 4; u++) (await Iam(0).CreateUserAsync(Account, $"holder{u}")).GetValueOrThrow();

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(async i => (i % 4) switch
        {
            0 or 1 => (await Iam(i).AttachUserPolicyAsync(Account, $"holder{i % 4 + (i / 4) % 2}", policy.Arn)).Error,
            2 => (await Iam(i).DetachUserPolicyAsync(Account, $"holder{i / 4}", policy.Arn)).Error,
            _ => (await Iam(i).DeletePolicyAsync(policy.Arn)).Error,
        }));

        Assert.DoesNotContain(results, e => e is { Code: IamError.ConcurrentModificationCode });
        var exists = await _first.GetManagedPolicyByArnAsync(policy.Arn) is not null;
        foreach (var user in await _first.ListAllAsync(EntityKinds.Users, Account))
        {
            Assert.True(exists || user.Value.AttachedPolicies.All(p => p.PolicyArn != policy.Arn), $"{user.Value.UserName} holds a deleted policy");
        }
    }

    [ContractFact]
    public async Task The_same_IAM_name_created_by_16_clients_exists_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i => Iam(i).CreateUserAsync(Account, i % 2 == 0 ? "Twin" : "twin")));

        Assert.Single(results, r => r.Success);
        Assert.All(results.Where(r => !r.Success), r => Assert.Equal("EntityAlreadyExists", r.Error!.Code));
        Assert.Single(await _first.ListAllAsync(EntityKinds.Users, Account));
    }

    [ContractFact]
    public async Task Organizations_CreatePolicy_with_one_name_from_16_clients_creates_one_policy()
    {
        var root = (await Orgs(0).CreateOrganizationAsync(Account, "Management")).GetValueOrThrow();

        var results = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            Orgs(i).CreatePolicyAsync(root.OrganizationId, "DenyS3", OrganizationPolicyType.ServiceControlPolicy, Deny)));

        Assert.Single(results, r => r.Success);
        Assert.All(results.Where(r => !r.Success), r => Assert.Equal("DuplicatePolicyException", r.Error!.Code));
        var stored = await _first.ListAllAsync(EntityKinds.OrganizationPolicies, root.OrganizationId);
        Assert.Single(stored, p => p.Value.Name == "DenyS3");
    }

    [ContractFact]
    public async Task Organizations_CreateOrganizationalUnit_from_16_clients_under_one_parent_creates_them_all()
    {
        var root = (await Orgs(0).CreateOrganizationAsync(Account, "Management")).GetValueOrThrow();

        var distinct = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            Orgs(i).CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, $"Unit{i}")));
        var same = await Task.WhenAll(Enumerable.Range(0, Clients).Select(i =>
            Orgs(i).CreateOrganizationalUnitAsync(root.OrganizationId, root.Id, "Shared")));

        Assert.All(distinct, r => Assert.True(r.Success, r.ToString()));
        Assert.Single(same, r => r.Success);
        Assert.All(same.Where(r => !r.Success), r => Assert.Equal("DuplicateOrganizationalUnitException", r.Error!.Code));
        Assert.Equal(Clients + 1, (await _first.ListAllAsync(EntityKinds.OrganizationalUnits, root.OrganizationId)).Count);
    }
}

public sealed class SqliteConcurrentWriteTests : ConcurrentWriteContract, IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-race-" + Guid.NewGuid().ToString("N"));

    protected override async Task<IDirectoryStore> OpenAsync(bool second) => await DirectoryStoreFactory.OpenAsync(_folder);

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}

[RequiresPostgres]
[Collection(PostgresCollection.Name)]
public sealed class PostgresConcurrentWriteTests(PostgresServer server) : ConcurrentWriteContract
{
    private string? _connectionString;

    protected override async Task<IDirectoryStore> OpenAsync(bool second)
    {
        _connectionString ??= await server.CreateDatabaseAsync();
        return await PostgresDirectoryStore.OpenAsync(_connectionString);
    }
}
