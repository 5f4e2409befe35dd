using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    public Task<DirectoryResult<IamGroup>> CreateGroupAsync(string accountId, string groupName, string path = "/", AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(() =>
        {
            var failures = new ValidationFailures();
            IamNames.CheckName(failures, groupName ?? string.Empty, "groupName", 128);
            IamNames.CheckEntityPath(failures, path ?? string.Empty);
            if (failures.ToError() is { } invalid)
            {
                return Task.FromResult<Mutation<IamGroup>>(invalid);
            }

            var group = new IamGroup { AccountId = accountId, GroupName = groupName!, Path = path!, GroupId = UniqueIds.NewGroupId(), CreateDate = Now };
            var changes = Audited(audit, "CreateGroup", accountId, new JsonObject { ["groupName"] = groupName, ["path"] = path }).Insert(EntityKinds.Groups, group);
            return Task.FromResult(Mutation<IamGroup>.Write(changes, group, IamMessages.GroupExists(groupName!)));
        }, cancellationToken);

    /// <summary>The users that are members of a group (membership is recorded on the users).</summary>
    public async Task<IReadOnlyList<IamUser>> ListGroupMembersAsync(string accountId, string groupName, CancellationToken cancellationToken = default)
    {
        var users = await Store.ListAllAsync(EntityKinds.Users, accountId, cancellationToken).ConfigureAwait(false);
        return users.Select(u => u.Value).Where(u => u.Groups.Contains(groupName, StringComparer.OrdinalIgnoreCase)).ToList();
    }

    public Task<DirectoryResult<bool>> DeleteGroupAsync(string accountId, string groupName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetGroupAsync(accountId, groupName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchGroup(groupName);
            }

            if ((await ListGroupMembersAsync(accountId, groupName, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                return IamMessages.MustDelete("remove users from group");
            }

            if (found.Value.InlinePolicies.Count > 0)
            {
                return IamMessages.MustDelete("delete policies");
            }

            if (found.Value.AttachedPolicies.Count > 0)
            {
                return IamMessages.MustDelete("detach all policies");
            }

            // AddUserToGroup touches the group, so a member added after the scan makes this delete conflict.
            var changes = Audited(audit, "DeleteGroup", accountId, new JsonObject { ["groupName"] = groupName }).Delete(EntityKinds.Groups, found.Value, found.Version);
            return Mutation<bool>.Write(changes, true);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> AddUserToGroupAsync(string accountId, string groupName, string userName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var group = await Store.GetGroupAsync(accountId, groupName, cancellationToken).ConfigureAwait(false);
            if (group is null)
            {
                return IamMessages.NoSuchGroup(groupName);
            }

            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if (found.Value.Groups.Contains(group.Value.GroupName, StringComparer.OrdinalIgnoreCase))
            {
                return Mutation<IamUser>.Write(new ChangeSet(), found.Value);
            }

            if (found.Value.Groups.Count >= MaxGroupsPerUser)
            {
                return IamMessages.Quota("GroupsPerUser", MaxGroupsPerUser);
            }

            var user = found.Value with { Groups = found.Value.Groups.Append(group.Value.GroupName).ToList() };
            var changes = Audited(audit, "AddUserToGroup", accountId, new JsonObject { ["groupName"] = groupName, ["userName"] = userName })
                .Update(EntityKinds.Users, user, found.Version)
                .Touch<IamGroup>(EntityKinds.Groups, accountId, EntityKinds.NameKey(groupName), group.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> RemoveUserFromGroupAsync(string accountId, string groupName, string userName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if (!found.Value.Groups.Contains(groupName, StringComparer.OrdinalIgnoreCase))
            {
                return IamMessages.NoSuchGroup(groupName);
            }

            var user = found.Value with { Groups = found.Value.Groups.Where(g => !string.Equals(g, groupName, StringComparison.OrdinalIgnoreCase)).ToList() };
            var changes = Audited(audit, "RemoveUserFromGroup", accountId, new JsonObject { ["groupName"] = groupName, ["userName"] = userName }).Update(EntityKinds.Users, user, found.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    public Task<DirectoryResult<IamGroup>> PutGroupPolicyAsync(string accountId, string groupName, string policyName, string document, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateHolderAsync(EntityKinds.Groups, () => Store.GetGroupAsync(accountId, groupName, cancellationToken), () => IamMessages.NoSuchGroup(groupName), accountId, "PutGroupPolicy", new JsonObject { ["groupName"] = groupName, ["policyName"] = policyName }, audit, group =>
        {
            var policies = PutInline(group.InlinePolicies, policyName, document, PolicySizeQuota.InlineGroupPolicies(group.GroupName));
            return policies.Success ? DirectoryResult<IamGroup>.Ok(group with { InlinePolicies = policies.Value! }) : policies.Error!;
        }, cancellationToken);

    public Task<DirectoryResult<IamGroup>> AttachGroupPolicyAsync(string accountId, string groupName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        AttachToHolderAsync(EntityKinds.Groups, () => Store.GetGroupAsync(accountId, groupName, cancellationToken), () => IamMessages.NoSuchGroup(groupName), accountId, "AttachGroupPolicy", new JsonObject { ["groupName"] = groupName, ["policyArn"] = policyArn }, audit, policyArn, "PoliciesPerGroup",
            group => group.AttachedPolicies, (group, attached) => group with { AttachedPolicies = attached }, cancellationToken);

    public Task<DirectoryResult<IamGroup>> DetachGroupPolicyAsync(string accountId, string groupName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateHolderAsync(EntityKinds.Groups, () => Store.GetGroupAsync(accountId, groupName, cancellationToken), () => IamMessages.NoSuchGroup(groupName), accountId, "DetachGroupPolicy", new JsonObject { ["groupName"] = groupName, ["policyArn"] = policyArn }, audit, group =>
            group.AttachedPolicies.Any(p => p.PolicyArn == policyArn)
                ? DirectoryResult<IamGroup>.Ok(group with { AttachedPolicies = group.AttachedPolicies.Where(p => p.PolicyArn != policyArn).ToList() })
                : IamMessages.NoSuchPolicy(policyArn), cancellationToken);
}
