using System.Globalization;
using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    public Task<DirectoryResult<ManagedPolicy>> CreatePolicyAsync(
        string accountId, string policyName, string document, string path = "/", string? description = null,
        IReadOnlyList<Tag>? tags = null, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(() =>
        {
            var invalid = IamNames.PolicyName(policyName) ?? IamNames.PolicyPath(path) ?? ValidateOptionalTags(tags)
                ?? ValidateDocument(document, PolicyKind.Identity, PolicySizeQuota.ManagedPolicy, requireCurrentVersion: true);
            if (invalid is not null)
            {
                return Task.FromResult<Mutation<ManagedPolicy>>(invalid);
            }

            var now = Now;
            var policy = new ManagedPolicy
            {
                AccountId = accountId, PolicyName = policyName, Path = path, PolicyId = UniqueIds.NewPolicyId(), Description = description,
                CreateDate = now, UpdateDate = now, Tags = tags ?? [], LastVersionNumber = 1,
                Versions = [new PolicyVersion { VersionId = "v1", Document = document, IsDefaultVersion = true, CreateDate = now }],
            };
            var changes = Audited(audit, "CreatePolicy", accountId, new JsonObject { ["policyName"] = policyName, ["path"] = path, ["description"] = description }).Insert(EntityKinds.ManagedPolicies, policy);
            return Task.FromResult(Mutation<ManagedPolicy>.Write(changes, policy, IamMessages.PolicyExists(policyName)));
        }, cancellationToken);

    public Task<DirectoryResult<PolicyVersion>> CreatePolicyVersionAsync(string policyArn, string document, bool setAsDefault, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            if (ValidateDocument(document, PolicyKind.Identity, PolicySizeQuota.ManagedPolicy, requireCurrentVersion: true) is { } malformed)
            {
                return malformed;
            }

            var found = await Store.GetManagedPolicyByArnAsync(policyArn, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchPolicy(policyArn);
            }

            var policy = found.Value;
            if (policy.Versions.Count >= ManagedPolicy.MaxVersions)
            {
                return IamError.LimitExceeded(
                    "A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.");
            }

            // Version numbers only grow: a deleted v3 is never reused.
            var next = Math.Max(policy.LastVersionNumber, policy.Versions.Select(v => int.Parse(v.VersionId.AsSpan(1), CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max()) + 1;
            var version = new PolicyVersion { VersionId = $"v{next}", Document = document, IsDefaultVersion = setAsDefault, CreateDate = Now };
            var versions = policy.Versions
                .Select(v => setAsDefault ? v with { IsDefaultVersion = false } : v)
                .Append(version)
                .ToList();
            var updated = policy with { Versions = versions, UpdateDate = Now, LastVersionNumber = next };
            var changes = Audited(audit, "CreatePolicyVersion", policy.AccountId, new JsonObject { ["policyArn"] = policyArn, ["setAsDefault"] = setAsDefault })
                .Update(EntityKinds.ManagedPolicies, updated, found.Version);
            return Mutation<PolicyVersion>.Write(changes, version);
        }, cancellationToken);

    public Task<DirectoryResult<ManagedPolicy>> SetDefaultPolicyVersionAsync(string policyArn, string versionId, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetManagedPolicyByArnAsync(policyArn, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchPolicy(policyArn);
            }

            if (!found.Value.Versions.Any(v => v.VersionId == versionId))
            {
                return IamError.NoSuchEntity($"Policy {policyArn} version {versionId} does not exist or is not attachable.");
            }

            var updated = found.Value with
            {
                Versions = found.Value.Versions.Select(v => v with { IsDefaultVersion = v.VersionId == versionId }).ToList(),
                UpdateDate = Now,
            };
            var changes = Audited(audit, "SetDefaultPolicyVersion", found.Value.AccountId, new JsonObject { ["policyArn"] = policyArn, ["versionId"] = versionId })
                .Update(EntityKinds.ManagedPolicies, updated, found.Version);
            return Mutation<ManagedPolicy>.Write(changes, updated);
        }, cancellationToken);

    public Task<DirectoryResult<ManagedPolicy>> DeletePolicyVersionAsync(string policyArn, string versionId, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetManagedPolicyByArnAsync(policyArn, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchPolicy(policyArn);
            }

            var version = found.Value.Versions.FirstOrDefault(v => v.VersionId == versionId);
            if (version is null)
            {
                return IamError.NoSuchEntity($"Policy {policyArn} version {versionId} does not exist.");
            }

            if (version.IsDefaultVersion)
            {
                return IamError.DeleteConflict("Cannot delete the default version of a policy.");
            }

            var updated = found.Value with { Versions = found.Value.Versions.Where(v => v.VersionId != versionId).ToList() };
            var changes = Audited(audit, "DeletePolicyVersion", found.Value.AccountId, new JsonObject { ["policyArn"] = policyArn, ["versionId"] = versionId })
                .Update(EntityKinds.ManagedPolicies, updated, found.Version);
            return Mutation<ManagedPolicy>.Write(changes, updated);
        }, cancellationToken);

    /// <summary>Deletes a customer managed policy that is attached nowhere and has only its default version left.</summary>
    public Task<DirectoryResult<bool>> DeletePolicyAsync(string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetManagedPolicyByArnAsync(policyArn, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchPolicy(policyArn);
            }

            if (await CountAttachmentsAsync(found.Value.AccountId, policyArn, cancellationToken).ConfigureAwait(false) > 0)
            {
                return IamError.DeleteConflict("Cannot delete a policy attached to entities.");
            }

            if (found.Value.Versions.Count > 1)
            {
                return IamError.DeleteConflict("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
            }

            // Attach operations touch the policy's row: one that raced the scan above makes this delete conflict.
            var changes = Audited(audit, "DeletePolicy", found.Value.AccountId, new JsonObject { ["policyArn"] = policyArn })
                .Delete(EntityKinds.ManagedPolicies, found.Value, found.Version);
            return Mutation<bool>.Write(changes, true);
        }, cancellationToken);

    /// <summary>How many users, groups and roles of the account have the policy attached (or as boundary).</summary>
    public async Task<int> CountAttachmentsAsync(string accountId, string policyArn, CancellationToken cancellationToken = default)
    {
        var count = 0;
        foreach (var user in await Store.ListAllAsync(EntityKinds.Users, accountId, cancellationToken).ConfigureAwait(false))
        {
            count += user.Value.AttachedPolicies.Count(p => p.PolicyArn == policyArn) + (user.Value.PermissionsBoundaryArn == policyArn ? 1 : 0);
        }

        foreach (var group in await Store.ListAllAsync(EntityKinds.Groups, accountId, cancellationToken).ConfigureAwait(false))
        {
            count += group.Value.AttachedPolicies.Count(p => p.PolicyArn == policyArn);
        }

        foreach (var role in await Store.ListAllAsync(EntityKinds.Roles, accountId, cancellationToken).ConfigureAwait(false))
        {
            count += role.Value.AttachedPolicies.Count(p => p.PolicyArn == policyArn) + (role.Value.PermissionsBoundaryArn == policyArn ? 1 : 0);
        }

        return count;
    }
}
