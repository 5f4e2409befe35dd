using Crossgate.Directory.Model;

namespace Crossgate.Directory.Storage;

/// <summary>Typed reads over <see cref="IDirectoryStore"/> for each entity kind, by the names AWS's APIs use.</summary>
public static class DirectoryStoreExtensions
{
    public static Task<Versioned<IamUser>?> GetUserAsync(this IDirectoryStore store, string accountId, string userName, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Users, accountId, EntityKinds.NameKey(userName), ct);

    public static Task<Versioned<IamGroup>?> GetGroupAsync(this IDirectoryStore store, string accountId, string groupName, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Groups, accountId, EntityKinds.NameKey(groupName), ct);

    public static Task<Versioned<IamRole>?> GetRoleAsync(this IDirectoryStore store, string accountId, string roleName, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Roles, accountId, EntityKinds.NameKey(roleName), ct);

    public static Task<Versioned<ManagedPolicy>?> GetManagedPolicyAsync(this IDirectoryStore store, string accountId, string policyName, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.ManagedPolicies, accountId, EntityKinds.NameKey(policyName), ct);

    /// <summary>A customer managed policy by ARN (AWS managed ones come from <c>AwsManagedPolicies</c>).</summary>
    public static async Task<Versioned<ManagedPolicy>?> GetManagedPolicyByArnAsync(this IDirectoryStore store, string arn, CancellationToken ct = default)
    {
        if (!IamArns.TryParseIam(arn, out var parts) || parts.Type != "policy")
        {
            return null;
        }

        var found = await store.GetManagedPolicyAsync(parts.Account, parts.Name, ct).ConfigureAwait(false);
        return found is not null && found.Value.Path == parts.Path ? found : null;
    }

    public static Task<Versioned<Account>?> GetAccountAsync(this IDirectoryStore store, string accountId, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Accounts, EntityKinds.Global, accountId, ct);

    public static Task<Versioned<Organization>?> GetOrganizationAsync(this IDirectoryStore store, string organizationId, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Organizations, EntityKinds.Global, organizationId, ct);

    public static Task<Versioned<OrganizationalUnit>?> GetOrganizationalUnitAsync(this IDirectoryStore store, string organizationId, string ouId, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.OrganizationalUnits, organizationId, ouId, ct);

    public static Task<Versioned<OrganizationRoot>?> GetRootAsync(this IDirectoryStore store, string organizationId, string rootId, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.Roots, organizationId, rootId, ct);

    public static Task<Versioned<OrganizationPolicy>?> GetOrganizationPolicyAsync(this IDirectoryStore store, string organizationId, string policyId, CancellationToken ct = default) =>
        store.GetAsync(EntityKinds.OrganizationPolicies, organizationId, policyId, ct);

    public static Task<Versioned<AccessKey>?> FindAccessKeyAsync(this IDirectoryStore store, string accessKeyId, CancellationToken ct = default) =>
        store.FindByUniqueIdAsync(EntityKinds.AccessKeys, accessKeyId, ct);

    public static Task<Versioned<StsSession>?> FindSessionAsync(this IDirectoryStore store, string accessKeyId, CancellationToken ct = default) =>
        store.FindByUniqueIdAsync(EntityKinds.Sessions, accessKeyId, ct);

    /// <summary>The session of a temporary key, or null when unknown or expired at <paramref name="now"/>.</summary>
    public static async Task<StsSession?> FindLiveSessionAsync(this IDirectoryStore store, string accessKeyId, DateTimeOffset now, CancellationToken ct = default)
    {
        var found = await store.FindSessionAsync(accessKeyId, ct).ConfigureAwait(false);
        return found is null || found.Value.IsExpired(now) ? null : found.Value;
    }

    public static async Task<IReadOnlyList<AccessKey>> ListAccessKeysAsync(this IDirectoryStore store, string accountId, string userName, CancellationToken ct = default)
    {
        var page = await store.ListAsync(EntityKinds.AccessKeys, accountId, ListQuery.All with { Owner = EntityKinds.NameKey(userName) }, ct).ConfigureAwait(false);
        return page.Items.Select(i => i.Value).ToList();
    }

    /// <summary>Every entity of a kind in a scope, following markers.</summary>
    public static async Task<IReadOnlyList<Versioned<T>>> ListAllAsync<T>(this IDirectoryStore store, EntityKind<T> kind, string scope, CancellationToken ct = default)
        where T : class
    {
        var page = await store.ListAsync(kind, scope, ListQuery.All, ct).ConfigureAwait(false);
        return page.Items;
    }

    /// <summary>Removes sessions expired before <paramref name="now"/>; returns how many went.</summary>
    public static async Task<int> DeleteExpiredSessionsAsync(this IDirectoryStore store, DateTimeOffset now, CancellationToken ct = default)
    {
        var removed = 0;
        foreach (var scope in await store.ListScopesAsync(EntityKinds.Sessions, ct).ConfigureAwait(false))
        {
            var changes = new ChangeSet();
            foreach (var session in await store.ListAllAsync(EntityKinds.Sessions, scope, ct).ConfigureAwait(false))
            {
                if (session.Value.IsExpired(now))
                {
                    changes.Delete(EntityKinds.Sessions, session.Value, session.Version);
                    removed++;
                }
            }

            // A conflict means a session was touched meanwhile; it is simply left for the next sweep.
            if (!(await store.CommitAsync(changes, ct).ConfigureAwait(false)).Success)
            {
                removed -= changes.Changes.Count;
            }
        }

        return removed;
    }
}
