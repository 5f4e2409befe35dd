using Crossgate.Analysis.Graph;
using Crossgate.Directory;
using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;

namespace Crossgate.Analysis.Tests;

/// <summary>A small hand-made organization in a temporary SQLite store, built through the directory's own API.</summary>
public sealed class TestStore : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "crossgate-analysis-" + Guid.NewGuid().ToString("N"));

    private TestStore()
    {
    }

    public IDirectoryStore Store { get; private set; } = null!;

    public IamDirectory Iam { get; private set; } = null!;

    public OrganizationsDirectory Organizations { get; private set; } = null!;

    public static async Task<TestStore> CreateAsync()
    {
        var store = new TestStore();
        store.Store = await DirectoryStoreFactory.OpenAsync(store._folder);
        store.Iam = new IamDirectory(store.Store);
        store.Organizations = new OrganizationsDirectory(store.Store);
        return store;
    }

    public static string Allow(string action, string resource = "*") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""";

    public static string Allow(string[] actions, string resource = "*") =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[{{string.Join(",", actions.Select(a => $"\"{a}\""))}}],"Resource":"{{resource}}"}]}""";

    public static string Trust(string principal, string? condition = null) =>
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{{principal}},"Action":"sts:AssumeRole"{{(condition is null ? "" : ",\"Condition\":" + condition)}}}]}""";

    public static string TrustAccount(string account, string? condition = null) => Trust($$"""{"AWS":"arn:aws:iam::{{account}}:root"}""", condition);

    public static string TrustService(string service) => Trust($$"""{"Service":"{{service}}"}""");

    public async Task<string> UserAsync(string account, string name, params string[] inlinePolicies)
    {
        var user = (await Iam.CreateUserAsync(account, name)).GetValueOrThrow();
        for (var i = 0; i < inlinePolicies.Length; i++)
        {
            (await Iam.PutUserPolicyAsync(account, name, $"p{i}", inlinePolicies[i])).GetValueOrThrow();
        }

        return user.Arn;
    }

    public async Task<string> RoleAsync(string account, string name, string trust, params string[] inlinePolicies)
    {
        var role = (await Iam.CreateRoleAsync(account, name, trust)).GetValueOrThrow();
        for (var i = 0; i < inlinePolicies.Length; i++)
        {
            (await Iam.PutRolePolicyAsync(account, name, $"p{i}", inlinePolicies[i])).GetValueOrThrow();
        }

        return role.Arn;
    }

    /// <summary>An organization managed by <paramref name="management"/> with the member accounts under its root and
    /// SCPs enabled (a new organization enables no policy type).</summary>
    public Task<(string OrganizationId, string RootId)> OrganizationAsync(string management, params string[] members) =>
        OrganizationAsync(management, enableScps: true, members);

    public async Task<(string OrganizationId, string RootId)> OrganizationAsync(string management, bool enableScps, params string[] members)
    {
        var root = (await Organizations.CreateOrganizationAsync(management, "Management " + management)).GetValueOrThrow();
        if (enableScps)
        {
            (await Organizations.EnablePolicyTypeAsync(root.OrganizationId, root.Id, OrganizationPolicyTypeNames.ServiceControl)).GetValueOrThrow();
        }

        foreach (var member in members)
        {
            (await Organizations.AddAccountAsync(root.OrganizationId, member, "Account " + member)).GetValueOrThrow();
        }

        return (root.OrganizationId, root.Id);
    }

    public async Task AddInstanceProfileAsync(string account, string roleName)
    {
        var role = (await Store.GetRoleAsync(account, roleName))!;
        var profile = new InstanceProfile
        {
            InstanceProfileName = roleName, InstanceProfileId = "AIPA" + Guid.NewGuid().ToString("N")[..17].ToUpperInvariant(),
            Arn = $"arn:aws:iam::{account}:instance-profile/{roleName}",
        };
        var result = await Store.CommitAsync(new ChangeSet().Update(EntityKinds.Roles, role.Value with { InstanceProfiles = [profile] }, role.Version));
        Assert.True(result.Success);
    }

    public Task<AccessGraph> GraphAsync(AnalysisOptions? options = null) => AccessGraph.BuildAsync(Store, options);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
