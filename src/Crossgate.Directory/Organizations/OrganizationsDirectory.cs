using Crossgate.Directory.Iam;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Organizations;

/// <summary>AWS Organizations over the directory store: the organization, its root and OUs, member accounts, and
/// SCPs/RCPs with their attachments. As on AWS a new organization has no policy type enabled: SCPs and RCPs can be
/// attached, and are evaluated, only once <see cref="EnablePolicyTypeAsync"/> has enabled their type, which attaches
/// <c>FullAWSAccess</c> (or <c>RCPFullAWSAccess</c>) to the root and every OU and account, as do the OUs and
/// accounts created afterwards.</summary>
public sealed class OrganizationsDirectory(IDirectoryStore store, TimeProvider? time = null)
{
    public const string FullAwsAccessContent = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
    public const string RcpFullAwsAccessContent = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}""";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IDirectoryStore Store { get; } = store;

    /// <summary>A standalone account (outside any organization), or nothing when it exists already.</summary>
    public async Task<DirectoryResult<Account>> CreateStandaloneAccountAsync(string accountId, string name, string? email = null, CancellationToken cancellationToken = default)
    {
        if (!IamNames.IsAccountId(accountId))
        {
            return Invalid($"Account id {accountId} is not 12 digits.");
        }

        var account = new Account { Id = accountId, Name = name, Email = email };
        var result = await Store.CommitAsync(new ChangeSet().Insert(EntityKinds.Accounts, account), cancellationToken).ConfigureAwait(false);
        return result.Success ? DirectoryResult<Account>.Ok(account) : Error("DuplicateAccountException", "That account already exists.");
    }

    /// <summary>Creates an organization managed by <paramref name="managementAccountId"/> (which must not belong to
    /// another): the organization, its root with no policy type enabled, the two AWS managed policies, and the
    /// management account placed under the root.</summary>
    public async Task<DirectoryResult<OrganizationRoot>> CreateOrganizationAsync(string managementAccountId, string accountName, string? email = null, CancellationToken cancellationToken = default)
    {
        if (!IamNames.IsAccountId(managementAccountId))
        {
            return Invalid($"Account id {managementAccountId} is not 12 digits.");
        }

        var existing = await Store.GetAccountAsync(managementAccountId, cancellationToken).ConfigureAwait(false);
        if (existing?.Value.OrganizationId is not null)
        {
            return Error("AlreadyInOrganizationException", "The AWS account is already a member of an organization.");
        }

        var orgId = UniqueIds.NewOrganizationId();
        var rootId = UniqueIds.NewRootId();
        var organization = new Organization { Id = orgId, ManagementAccountId = managementAccountId, ManagementAccountEmail = email };
        var root = new OrganizationRoot
        {
            Id = rootId, OrganizationId = orgId, Arn = $"arn:aws:organizations::{managementAccountId}:root/{orgId}/{rootId}",
        };
        var account = Member(existing?.Value ?? new Account { Id = managementAccountId, Name = accountName, Email = email }, organization, root, rootId, "CREATED");
        var changes = new ChangeSet()
            .Insert(EntityKinds.Organizations, organization)
            .Insert(EntityKinds.Roots, root)
            .Insert(EntityKinds.OrganizationPolicies, AwsManaged(orgId, OrganizationPolicy.FullAwsAccessId, "FullAWSAccess", OrganizationPolicyType.ServiceControlPolicy, FullAwsAccessContent, "Allows access to every operation"))
            .Insert(EntityKinds.OrganizationPolicies, AwsManaged(orgId, OrganizationPolicy.RcpFullAwsAccessId, "RCPFullAWSAccess", OrganizationPolicyType.ResourceControlPolicy, RcpFullAwsAccessContent, "Allows access to every resource"));
        if (existing is null)
        {
            changes.Insert(EntityKinds.Accounts, account);
        }
        else
        {
            changes.Update(EntityKinds.Accounts, account, existing.Version);
        }

        var result = await Store.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        return result.Success ? DirectoryResult<OrganizationRoot>.Ok(root) : IamMessages.ConcurrentModification();
    }

    /// <summary>Creates an OU under a root or OU. The parent's row is touched, so two creations under one parent
    /// conflict in the store and the loser reads again: names stay unique among siblings, and every distinct name
    /// is created however many callers race (as AWS creates them all).</summary>
    public Task<DirectoryResult<OrganizationalUnit>> CreateOrganizationalUnitAsync(string organizationId, string parentId, string name, CancellationToken cancellationToken = default) =>
        RetryAsync<OrganizationalUnit>(async () =>
        {
            var organization = await Store.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false);
            if (organization is null)
            {
                return Error("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
            }

            var root = await RootAsync(organizationId, cancellationToken).ConfigureAwait(false);
            var rootId = root?.Id;
            var parent = await ParentVersionAsync(organizationId, parentId, cancellationToken).ConfigureAwait(false);
            if (parent is null)
            {
                return Error("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
            }

            var siblings = await Store.ListAsync(EntityKinds.OrganizationalUnits, organizationId, ListQuery.All with { Owner = parentId }, cancellationToken).ConfigureAwait(false);
            if (siblings.Items.Any(s => s.Value.Name == name))
            {
                return Error("DuplicateOrganizationalUnitException", "An OU with the same name already exists.");
            }

            var id = UniqueIds.NewOrganizationalUnitId(rootId!);
            var unit = new OrganizationalUnit
            {
                Id = id, OrganizationId = organizationId, Name = name, ParentId = parentId, AttachedPolicyIds = root?.DefaultAttachments() ?? [],
                Arn = $"arn:aws:organizations::{organization.Value.ManagementAccountId}:ou/{organizationId}/{id}",
            };
            return new Attempt<OrganizationalUnit>(new ChangeSet().Insert(EntityKinds.OrganizationalUnits, unit).Then(parent.Touch), unit);
        }, cancellationToken);

    /// <summary>Adds an account (new, or standalone until now) to the organization under <paramref name="parentId"/>
    /// (the root when null). With <paramref name="creationTime"/> the account is created as <c>CreateAccount</c>
    /// creates it: requested now, joining (and so seen) only once that time has passed.</summary>
    public async Task<DirectoryResult<Account>> AddAccountAsync(
        string organizationId, string accountId, string name, string? email = null, string? parentId = null, TimeSpan? creationTime = null, CancellationToken cancellationToken = default)
    {
        if (!IamNames.IsAccountId(accountId))
        {
            return Invalid($"Account id {accountId} is not 12 digits.");
        }

        var organization = await Store.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false);
        if (organization is null)
        {
            return Error("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        }

        var root = await RootAsync(organizationId, cancellationToken).ConfigureAwait(false);
        parentId ??= root?.Id;
        var parent = await ParentVersionAsync(organizationId, parentId!, cancellationToken).ConfigureAwait(false);
        if (parent is null)
        {
            return Error("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
        }

        var existing = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (existing?.Value.OrganizationId is not null)
        {
            return Error("AlreadyInOrganizationException", "The AWS account is already a member of an organization.");
        }

        var account = Member(existing?.Value ?? new Account { Id = accountId, Name = name, Email = email }, organization.Value, root, parentId!, existing is null ? "CREATED" : "INVITED");
        if (creationTime is { } delay && existing is null)
        {
            var requested = _time.GetUtcNow();
            account = account with { CreateRequestedTimestamp = requested, JoinedTimestamp = requested + delay };
        }

        var changes = existing is null
            ? new ChangeSet().Insert(EntityKinds.Accounts, account)
            : new ChangeSet().Update(EntityKinds.Accounts, account, existing.Version);
        var result = await Store.CommitAsync(changes.Then(parent.Touch), cancellationToken).ConfigureAwait(false);
        return result.Success ? DirectoryResult<Account>.Ok(account) : Error("DuplicateAccountException", "That account already exists.");
    }

    public async Task<DirectoryResult<Account>> MoveAccountAsync(string accountId, string destinationParentId, CancellationToken cancellationToken = default)
    {
        var found = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (found?.Value.OrganizationId is not { } orgId)
        {
            return Error("AccountNotFoundException", "We can't find an AWS account with the AccountId that you specified, or the account whose credentials you used to make this request isn't a member of an organization.");
        }

        var parent = await ParentVersionAsync(orgId, destinationParentId, cancellationToken).ConfigureAwait(false);
        if (parent is null)
        {
            return Error("DestinationParentNotFoundException", "We can't find the destination container (a root or OU) with the ParentId that you specified.");
        }

        var moved = found.Value with { ParentId = destinationParentId };
        var result = await Store.CommitAsync(new ChangeSet().Update(EntityKinds.Accounts, moved, found.Version).Then(parent.Touch), cancellationToken).ConfigureAwait(false);
        return result.Success ? DirectoryResult<Account>.Ok(moved) : IamMessages.ConcurrentModification();
    }

    /// <summary>Creates a customer SCP or RCP. The organization's row is touched, so concurrent creations conflict
    /// in the store and the loser reads again: one name per policy type, however many callers race.</summary>
    public Task<DirectoryResult<OrganizationPolicy>> CreatePolicyAsync(
        string organizationId, string name, OrganizationPolicyType type, string content, string? description = null, CancellationToken cancellationToken = default) =>
        RetryAsync<OrganizationPolicy>(async () =>
        {
            var organization = await Store.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false);
            if (organization is null)
            {
                return Error("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
            }

            if (ValidateContent(type, content) is { } invalid)
            {
                return invalid;
            }

            var existing = await Store.ListAllAsync(EntityKinds.OrganizationPolicies, organizationId, cancellationToken).ConfigureAwait(false);
            if (existing.Any(p => p.Value.Type == type && p.Value.Name == name))
            {
                return Error("DuplicatePolicyException", "A policy with the same name already exists.");
            }

            var id = UniqueIds.NewOrganizationPolicyId();
            var policy = new OrganizationPolicy
            {
                Id = id, OrganizationId = organizationId, Name = name, Description = description, Type = type, Content = content,
                Arn = $"arn:aws:organizations::{organization.Value.ManagementAccountId}:policy/{organizationId}/{type.ToWireName().ToLowerInvariant()}/{id}",
            };
            var changes = new ChangeSet().Insert(EntityKinds.OrganizationPolicies, policy)
                .Touch<Organization>(EntityKinds.Organizations, EntityKinds.Global, organizationId, organization.Version);
            return new Attempt<OrganizationPolicy>(changes, policy);
        }, cancellationToken);

    /// <summary>Renames, redescribes or rewrites a customer policy (null leaves a part as it is). AWS managed
    /// policies cannot be changed; callers refuse them before calling.</summary>
    public async Task<DirectoryResult<OrganizationPolicy>> UpdatePolicyAsync(
        string organizationId, string policyId, string? name, string? description, string? content, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var found = await Store.GetOrganizationPolicyAsync(organizationId, policyId, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return Error("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
            }

            if (content is not null && ValidateContent(found.Value.Type, content) is { } invalid)
            {
                return invalid;
            }

            var changes = new ChangeSet();
            if (name is not null && name != found.Value.Name)
            {
                // A rename takes the organization's row as CreatePolicy does, so names stay unique under races.
                if (await Store.GetOrganizationAsync(organizationId, cancellationToken).ConfigureAwait(false) is { } organization)
                {
                    changes.Touch<Organization>(EntityKinds.Organizations, EntityKinds.Global, organizationId, organization.Version);
                }

                var existing = await Store.ListAllAsync(EntityKinds.OrganizationPolicies, organizationId, cancellationToken).ConfigureAwait(false);
                if (existing.Any(p => p.Value.Type == found.Value.Type && p.Value.Name == name))
                {
                    return Error("DuplicatePolicyException", "A policy with the same name already exists.");
                }
            }

            var updated = found.Value with
            {
                Name = name ?? found.Value.Name,
                Description = description ?? found.Value.Description,
                Content = content ?? found.Value.Content,
            };
            if ((await Store.CommitAsync(changes.Update(EntityKinds.OrganizationPolicies, updated, found.Version), cancellationToken).ConfigureAwait(false)).Success)
            {
                return DirectoryResult<OrganizationPolicy>.Ok(updated);
            }
        }

        return IamMessages.ConcurrentModification();
    }

    /// <summary>Enables a policy type in the root. For SCPs and RCPs the AWS managed policy of the type
    /// (<c>FullAWSAccess</c>, <c>RCPFullAWSAccess</c>) is attached to the root and every OU and account in the same
    /// commit, as AWS does, so that enabling the type denies nothing by itself. The commit updates every container,
    /// so it conflicts with any OU or account created under one meanwhile, and is tried again.</summary>
    public Task<DirectoryResult<OrganizationRoot>> EnablePolicyTypeAsync(string organizationId, string rootId, string policyType, CancellationToken cancellationToken = default) =>
        ChangePolicyTypeAsync(organizationId, rootId, policyType, enable: true, cancellationToken);

    /// <summary>Disables a policy type in the root: every policy of the type is detached from the root and every OU
    /// and account, as AWS does, and no longer evaluated.</summary>
    public Task<DirectoryResult<OrganizationRoot>> DisablePolicyTypeAsync(string organizationId, string rootId, string policyType, CancellationToken cancellationToken = default) =>
        ChangePolicyTypeAsync(organizationId, rootId, policyType, enable: false, cancellationToken);

    private Task<DirectoryResult<OrganizationRoot>> ChangePolicyTypeAsync(string organizationId, string rootId, string policyType, bool enable, CancellationToken cancellationToken) =>
        RetryAsync<OrganizationRoot>(async () =>
        {
            var root = await Store.GetRootAsync(organizationId, rootId, cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return Error("RootNotFoundException", "We can't find a root with the RootId that you specified.");
            }

            var enabled = root.Value.PolicyTypes.Contains(policyType);
            if (enable && enabled)
            {
                return Error("PolicyTypeAlreadyEnabledException", "The specified policy type is already enabled.");
            }

            if (!enable && !enabled)
            {
                return PolicyTypeNotEnabled();
            }

            var types = enable ? root.Value.PolicyTypes.Append(policyType).ToList() : root.Value.PolicyTypes.Where(t => t != policyType).ToList();
            var changed = root.Value with { PolicyTypes = types };
            if (!OrganizationPolicyTypeNames.TryParse(policyType, out var modelled))
            {
                // Tag, backup and other policy types are only recorded: Crossgate holds no policies of them.
                return new Attempt<OrganizationRoot>(new ChangeSet().Update(EntityKinds.Roots, changed, root.Version), changed);
            }

            var policies = await Store.ListAllAsync(EntityKinds.OrganizationPolicies, organizationId, cancellationToken).ConfigureAwait(false);
            var ofType = policies.Where(p => p.Value.Type == modelled).Select(p => p.Value.Id).ToHashSet(StringComparer.Ordinal);
            var managed = modelled == OrganizationPolicyType.ServiceControlPolicy ? OrganizationPolicy.FullAwsAccessId : OrganizationPolicy.RcpFullAwsAccessId;
            IReadOnlyList<string> Adjust(IReadOnlyList<string> attached) =>
                enable ? (attached.Contains(managed) ? attached : attached.Append(managed).ToList()) : attached.Where(id => !ofType.Contains(id)).ToList();

            changed = changed with { AttachedPolicyIds = Adjust(root.Value.AttachedPolicyIds) };
            var changes = new ChangeSet().Update(EntityKinds.Roots, changed, root.Version);
            foreach (var unit in await Store.ListAllAsync(EntityKinds.OrganizationalUnits, organizationId, cancellationToken).ConfigureAwait(false))
            {
                changes.Update(EntityKinds.OrganizationalUnits, unit.Value with { AttachedPolicyIds = Adjust(unit.Value.AttachedPolicyIds) }, unit.Version);
            }

            foreach (var account in await Store.ListAllAsync(EntityKinds.Accounts, EntityKinds.Global, cancellationToken).ConfigureAwait(false))
            {
                if (account.Value.OrganizationId == organizationId)
                {
                    changes.Update(EntityKinds.Accounts, account.Value with { AttachedPolicyIds = Adjust(account.Value.AttachedPolicyIds) }, account.Version);
                }
            }

            return new Attempt<OrganizationRoot>(changes, changed);
        }, cancellationToken);

    private static IamError PolicyTypeNotEnabled() =>
        Error("PolicyTypeNotEnabledException", "This operation can be performed only for enabled policy types.");

    /// <summary>Attaches a policy to the root, an OU or an account.</summary>
    public Task<DirectoryResult<bool>> AttachPolicyAsync(string organizationId, string policyId, string targetId, CancellationToken cancellationToken = default) =>
        ChangeAttachmentAsync(organizationId, policyId, targetId, attach: true, cancellationToken);

    public Task<DirectoryResult<bool>> DetachPolicyAsync(string organizationId, string policyId, string targetId, CancellationToken cancellationToken = default) =>
        ChangeAttachmentAsync(organizationId, policyId, targetId, attach: false, cancellationToken);

    /// <summary>The containers from the root down to the account, with their attached policy ids; empty when the
    /// account belongs to no organization.</summary>
    public async Task<IReadOnlyList<PolicyTarget>> PathToAccountAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var account = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account?.Value.OrganizationId is not { } orgId)
        {
            return [];
        }

        var path = new List<PolicyTarget> { new(account.Value.Id, TargetKind.Account, account.Value.AttachedPolicyIds) };
        var parentId = account.Value.ParentId;
        for (var depth = 0; parentId is not null && depth < 10; depth++)
        {
            if (parentId.StartsWith("r-", StringComparison.Ordinal))
            {
                var root = await Store.GetRootAsync(orgId, parentId, cancellationToken).ConfigureAwait(false);
                if (root is not null)
                {
                    path.Add(new PolicyTarget(root.Value.Id, TargetKind.Root, root.Value.AttachedPolicyIds) { PolicyTypes = root.Value.PolicyTypes });
                }

                break;
            }

            var unit = await Store.GetOrganizationalUnitAsync(orgId, parentId, cancellationToken).ConfigureAwait(false);
            if (unit is null)
            {
                break;
            }

            path.Add(new PolicyTarget(unit.Value.Id, TargetKind.OrganizationalUnit, unit.Value.AttachedPolicyIds));
            parentId = unit.Value.ParentId;
        }

        path.Reverse();
        return path;
    }

    private async Task<DirectoryResult<bool>> ChangeAttachmentAsync(string organizationId, string policyId, string targetId, bool attach, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var policy = await Store.GetOrganizationPolicyAsync(organizationId, policyId, cancellationToken).ConfigureAwait(false);
            if (policy is null)
            {
                return Error("PolicyNotFoundException", "We can't find a policy with the PolicyId that you specified.");
            }

            if (await RootAsync(organizationId, cancellationToken).ConfigureAwait(false) is not { } enabledIn || !enabledIn.Enables(policy.Value.Type))
            {
                return PolicyTypeNotEnabled();
            }

            var changes = new ChangeSet();
            IReadOnlyList<string>? current = null;
            Func<IReadOnlyList<string>, ChangeSet>? write = null;
            if (targetId.StartsWith("r-", StringComparison.Ordinal))
            {
                if (await Store.GetRootAsync(organizationId, targetId, cancellationToken).ConfigureAwait(false) is { } root)
                {
                    current = root.Value.AttachedPolicyIds;
                    write = ids => changes.Update(EntityKinds.Roots, root.Value with { AttachedPolicyIds = ids }, root.Version);
                }
            }
            else if (targetId.StartsWith("ou-", StringComparison.Ordinal))
            {
                if (await Store.GetOrganizationalUnitAsync(organizationId, targetId, cancellationToken).ConfigureAwait(false) is { } unit)
                {
                    current = unit.Value.AttachedPolicyIds;
                    write = ids => changes.Update(EntityKinds.OrganizationalUnits, unit.Value with { AttachedPolicyIds = ids }, unit.Version);
                }
            }
            else if (await Store.GetAccountAsync(targetId, cancellationToken).ConfigureAwait(false) is { } account && account.Value.OrganizationId == organizationId)
            {
                current = account.Value.AttachedPolicyIds;
                write = ids => changes.Update(EntityKinds.Accounts, account.Value with { AttachedPolicyIds = ids }, account.Version);
            }

            if (current is null || write is null)
            {
                return Error("TargetNotFoundException", "We can't find a root, OU, account, or email address with the TargetId that you specified.");
            }

            if (attach && current.Contains(policyId))
            {
                return Error("DuplicatePolicyAttachmentException", "The selected policy is already attached to the specified target.");
            }

            if (!attach && !current.Contains(policyId))
            {
                return Error("PolicyNotAttachedException", "The policy isn't attached to the specified target in the specified root.");
            }

            write(attach ? current.Append(policyId).ToList() : current.Where(p => p != policyId).ToList());
            if ((await Store.CommitAsync(changes, cancellationToken).ConfigureAwait(false)).Success)
            {
                return DirectoryResult<bool>.Ok(true);
            }
        }

        return IamMessages.ConcurrentModification();
    }

    private static IamError? ValidateContent(OrganizationPolicyType type, string content)
    {
        var kind = type == OrganizationPolicyType.ServiceControlPolicy ? PolicyKind.ServiceControl : PolicyKind.ResourceControl;
        var parsed = PolicyParser.Parse(content, new PolicyParseOptions(kind) { Quota = PolicySizeQuota.OrganizationsPolicy() });
        if (parsed.Success)
        {
            return null;
        }

        var first = parsed.Errors[0];
        return first.Code == PolicySizeQuota.OrganizationsConstraintViolation
            ? Error("ConstraintViolationException", first.Message)
            : Error("MalformedPolicyDocumentException", first.Message);
    }

    private async Task<OrganizationRoot?> RootAsync(string organizationId, CancellationToken cancellationToken)
    {
        var roots = await Store.ListAllAsync(EntityKinds.Roots, organizationId, cancellationToken).ConfigureAwait(false);
        return roots.Count > 0 ? roots[0].Value : null;
    }

    /// <summary>The parent container and a way to touch it, so that creating a child conflicts with deleting it.</summary>
    private async Task<ParentHandle?> ParentVersionAsync(string organizationId, string parentId, CancellationToken cancellationToken)
    {
        if (parentId.StartsWith("r-", StringComparison.Ordinal))
        {
            var root = await Store.GetRootAsync(organizationId, parentId, cancellationToken).ConfigureAwait(false);
            return root is null ? null : new ParentHandle(c => c.Touch<OrganizationRoot>(EntityKinds.Roots, organizationId, parentId, root.Version));
        }

        var unit = await Store.GetOrganizationalUnitAsync(organizationId, parentId, cancellationToken).ConfigureAwait(false);
        return unit is null ? null : new ParentHandle(c => c.Touch<OrganizationalUnit>(EntityKinds.OrganizationalUnits, organizationId, parentId, unit.Version));
    }

    private Account Member(Account account, Organization organization, OrganizationRoot? root, string parentId, string joinedMethod) => account with
    {
        OrganizationId = organization.Id,
        ParentId = parentId,
        Arn = $"arn:aws:organizations::{organization.ManagementAccountId}:account/{organization.Id}/{account.Id}",
        JoinedMethod = joinedMethod,
        JoinedTimestamp = _time.GetUtcNow(),
        AttachedPolicyIds = root?.DefaultAttachments() ?? [],
    };

    private static OrganizationPolicy AwsManaged(string orgId, string id, string name, OrganizationPolicyType type, string content, string description) => new()
    {
        Id = id, OrganizationId = orgId, Name = name, Type = type, Content = content, Description = description, AwsManaged = true,
        Arn = $"arn:aws:organizations::aws:policy/{type.ToWireName().ToLowerInvariant()}/{id}",
    };

    /// <summary>Runs read-check-commit until the commit holds or the answer is a refusal; a commit that conflicts
    /// with another writer reads again after a short random pause.</summary>
    private async Task<DirectoryResult<T>> RetryAsync<T>(Func<Task<Attempt<T>>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxAttempts; i++)
        {
            var next = await attempt().ConfigureAwait(false);
            if (next.Error is not null)
            {
                return next.Error;
            }

            if ((await Store.CommitAsync(next.Changes!, cancellationToken).ConfigureAwait(false)).Success)
            {
                return DirectoryResult<T>.Ok(next.Value!);
            }

            await Task.Delay(Random.Shared.Next(1, 4 * (i + 1)), cancellationToken).ConfigureAwait(false);
        }

        return IamMessages.ConcurrentModification();
    }

    private const int MaxAttempts = 64;

    private static IamError Error(string code, string message) => new(code, message, 400);

    private static IamError Invalid(string message) => Error("InvalidInputException", message);

    private sealed record ParentHandle(Func<ChangeSet, ChangeSet> Touch);

    /// <summary>One try of a write: the changes to commit and the value they create, or the refusal.</summary>
    private sealed record Attempt<T>(ChangeSet? Changes, T? Value, IamError? Error = null)
    {
        public static implicit operator Attempt<T>(IamError error) => new(null, default, error);
    }
}

public enum TargetKind
{
    Root,
    OrganizationalUnit,
    Account,
}

/// <summary>One level of the path from the root to an account, with the policies attached there.</summary>
public sealed record PolicyTarget(string Id, TargetKind Kind, IReadOnlyList<string> AttachedPolicyIds)
{
    /// <summary>The policy types the root enables (empty for OUs and accounts).</summary>
    public IReadOnlyList<string> PolicyTypes { get; init; } = [];
}

internal static class ChangeSetChaining
{
    public static ChangeSet Then(this ChangeSet changes, Func<ChangeSet, ChangeSet> more) => more(changes);
}
