using Crossgate.Directory.Storage;

namespace Crossgate.Server.Services.Organizations;

/// <summary>Parents are roots (<c>r-…</c>) or OUs (<c>ou-…</c>).</summary>
internal static class OrganizationsParents
{
    public static async Task<bool> ExistsAsync(IDirectoryStore store, string organizationId, string parentId, CancellationToken cancellationToken) =>
        parentId.StartsWith("r-", StringComparison.Ordinal)
            ? await store.GetRootAsync(organizationId, parentId, cancellationToken).ConfigureAwait(false) is not null
            : await store.GetOrganizationalUnitAsync(organizationId, parentId, cancellationToken).ConfigureAwait(false) is not null;
}
