using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    public async Task<DirectoryResult<IamUser>> GetUserAsync(string accountId, string userName, CancellationToken cancellationToken = default)
    {
        var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
        return found is null ? IamMessages.NoSuchUser(userName) : DirectoryResult<IamUser>.Ok(found.Value);
    }

    public Task<DirectoryResult<IamUser>> CreateUserAsync(
        string accountId, string userName, string path = "/", string? permissionsBoundaryArn = null,
        IReadOnlyList<Tag>? tags = null, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var failures = new ValidationFailures();
            IamNames.CheckName(failures, userName ?? string.Empty, "userName", 64);
            IamNames.CheckEntityPath(failures, path ?? string.Empty);
            if (failures.ToError() is { } invalid)
            {
                return invalid;
            }

            if (ValidateOptionalTags(tags) is { } badTags)
            {
                return badTags;
            }

            var boundary = permissionsBoundaryArn is null ? null : await FindPolicyAsync(permissionsBoundaryArn, cancellationToken).ConfigureAwait(false);
            if (permissionsBoundaryArn is not null && boundary is null)
            {
                return IamMessages.NotAttachable(permissionsBoundaryArn);
            }

            var user = new IamUser
            {
                AccountId = accountId, UserName = userName!, Path = path!, UserId = UniqueIds.NewUserId(), CreateDate = Now,
                PermissionsBoundaryArn = permissionsBoundaryArn, Tags = tags ?? [],
            };
            var changes = Referencing(Audited(audit, "CreateUser", accountId, new JsonObject { ["userName"] = userName, ["path"] = path }).Insert(EntityKinds.Users, user), boundary);
            return Mutation<IamUser>.Write(changes, user, IamMessages.UserExists(userName!));
        }, cancellationToken);

    /// <summary>Deletes a user that holds nothing any more, as IAM insists (DeleteConflict otherwise).</summary>
    public Task<DirectoryResult<bool>> DeleteUserAsync(string accountId, string userName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            var user = found.Value;
            if (user.LoginProfile is not null)
            {
                return IamMessages.MustDelete("delete login profile");
            }

            if ((await Store.ListAccessKeysAsync(accountId, userName, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return IamMessages.MustDelete("delete access keys");
            }

            if (user.MfaSerials.Count > 0)
            {
                return IamMessages.MustDelete("delete MFA device");
            }

            if (user.InlinePolicies.Count > 0)
            {
                return IamMessages.MustDelete("delete policies");
            }

            if (user.AttachedPolicies.Count > 0)
            {
                return IamMessages.MustDelete("detach all policies");
            }

            if (user.Groups.Count > 0)
            {
                return IamMessages.MustDelete("remove referenced objects");
            }

            var changes = Audited(audit, "DeleteUser", accountId, new JsonObject { ["userName"] = userName }).Delete(EntityKinds.Users, user, found.Version);
            return Mutation<bool>.Write(changes, true);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> PutUserPolicyAsync(string accountId, string userName, string policyName, string document, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateHolderAsync(EntityKinds.Users, () => Store.GetUserAsync(accountId, userName, cancellationToken), () => IamMessages.NoSuchUser(userName), accountId, "PutUserPolicy", new JsonObject { ["userName"] = userName, ["policyName"] = policyName }, audit, user =>
        {
            var policies = PutInline(user.InlinePolicies, policyName, document, PolicySizeQuota.InlineUserPolicies(user.UserName));
            return policies.Success ? DirectoryResult<IamUser>.Ok(user with { InlinePolicies = policies.Value! }) : policies.Error!;
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> DeleteUserPolicyAsync(string accountId, string userName, string policyName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateHolderAsync(EntityKinds.Users, () => Store.GetUserAsync(accountId, userName, cancellationToken), () => IamMessages.NoSuchUser(userName), accountId, "DeleteUserPolicy", new JsonObject { ["userName"] = userName, ["policyName"] = policyName }, audit, user =>
            user.InlinePolicies.Any(p => p.PolicyName == policyName)
                ? DirectoryResult<IamUser>.Ok(user with { InlinePolicies = user.InlinePolicies.Where(p => p.PolicyName != policyName).ToList() })
                : IamMessages.NoSuchInlinePolicy("user", userName, policyName), cancellationToken);

    public Task<DirectoryResult<IamUser>> AttachUserPolicyAsync(string accountId, string userName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        AttachToHolderAsync(EntityKinds.Users, () => Store.GetUserAsync(accountId, userName, cancellationToken), () => IamMessages.NoSuchUser(userName), accountId, "AttachUserPolicy", new JsonObject { ["userName"] = userName, ["policyArn"] = policyArn }, audit, policyArn, "PoliciesPerUser",
            user => user.AttachedPolicies, (user, attached) => user with { AttachedPolicies = attached }, cancellationToken);

    public Task<DirectoryResult<IamUser>> DetachUserPolicyAsync(string accountId, string userName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateHolderAsync(EntityKinds.Users, () => Store.GetUserAsync(accountId, userName, cancellationToken), () => IamMessages.NoSuchUser(userName), accountId, "DetachUserPolicy", new JsonObject { ["userName"] = userName, ["policyArn"] = policyArn }, audit, user =>
            user.AttachedPolicies.Any(p => p.PolicyArn == policyArn)
                ? DirectoryResult<IamUser>.Ok(user with { AttachedPolicies = user.AttachedPolicies.Where(p => p.PolicyArn != policyArn).ToList() })
                : IamError.NoSuchEntity($"Policy {policyArn} was not found."), cancellationToken);

    public Task<DirectoryResult<IamUser>> PutUserPermissionsBoundaryAsync(string accountId, string userName, string? boundaryArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            var boundary = boundaryArn is null ? null : await FindPolicyAsync(boundaryArn, cancellationToken).ConfigureAwait(false);
            if (boundaryArn is not null && boundary is null)
            {
                return IamMessages.NotAttachable(boundaryArn);
            }

            var user = found.Value with { PermissionsBoundaryArn = boundaryArn };
            var name = boundaryArn is null ? "DeleteUserPermissionsBoundary" : "PutUserPermissionsBoundary";
            var changes = Referencing(Audited(audit, name, accountId, new JsonObject { ["userName"] = userName, ["permissionsBoundary"] = boundaryArn }).Update(EntityKinds.Users, user, found.Version), boundary);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    /// <summary>Adds an attachment after checking the policy exists and the quota; the policy's row is touched so a
    /// concurrent DeletePolicy conflicts.</summary>
    private async Task<DirectoryResult<Attachment>> AttachAsync(IReadOnlyList<AttachedPolicy> current, string policyArn, string quotaName, CancellationToken cancellationToken)
    {
        var policy = await FindPolicyAsync(policyArn, cancellationToken).ConfigureAwait(false);
        if (policy is null || !policy.Value.IsAttachable)
        {
            return IamMessages.NotAttachable(policyArn);
        }

        if (current.Any(p => p.PolicyArn == policyArn))
        {
            return DirectoryResult<Attachment>.Ok(new Attachment(current, null));
        }

        if (current.Count >= MaxAttachedPolicies)
        {
            return IamMessages.Quota(quotaName, MaxAttachedPolicies);
        }

        var attached = current.Append(new AttachedPolicy(policy.Value.PolicyName, policyArn)).ToList();
        return DirectoryResult<Attachment>.Ok(new Attachment(attached, policy.Version == 0 ? null : policy));
    }

    private sealed record Attachment(IReadOnlyList<AttachedPolicy> Attached, Versioned<ManagedPolicy>? CustomerPolicy)
    {
        public void TouchPolicy(ChangeSet changes)
        {
            if (CustomerPolicy is { } p)
            {
                changes.Touch<ManagedPolicy>(EntityKinds.ManagedPolicies, p.Value.AccountId, EntityKinds.NameKey(p.Value.PolicyName), p.Version);
            }
        }
    }
}
