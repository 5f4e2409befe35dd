using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Snapshot;

/// <summary>The whole store read once into memory and compiled for the engine: accounts with their organization
/// policies, users, roles and groups. The graph is built from this, never from the store directly, so one build
/// reads each row once instead of once per decision.</summary>
public sealed class StoreSnapshot
{
    /// <summary>The session name the analysis gives a role acting as a caller.</summary>
    public const string AnalysisSessionName = "crossgate-analysis";

    public required IReadOnlyDictionary<string, AccountFacts> Accounts { get; init; }

    public required IReadOnlyList<PrincipalFacts> Principals { get; init; }

    public required IReadOnlyList<GroupFacts> Groups { get; init; }

    /// <summary>Documents left out because they did not parse.</summary>
    public int RejectedPolicies { get; init; }

    public static async Task<StoreSnapshot> LoadAsync(IDirectoryStore store, CancellationToken cancellationToken = default)
    {
        var compiler = new PolicyCompiler();

        // One query per kind, all at once: the rows of 1,000 accounts come in a few large reads rather than thousands.
        var usersTask = Task.Run(() => store.ListEverywhereAsync(EntityKinds.Users, cancellationToken), cancellationToken);
        var rolesTask = Task.Run(() => store.ListEverywhereAsync(EntityKinds.Roles, cancellationToken), cancellationToken);
        var groupsTask = Task.Run(() => store.ListEverywhereAsync(EntityKinds.Groups, cancellationToken), cancellationToken);
        var policiesTask = Task.Run(() => store.ListEverywhereAsync(EntityKinds.ManagedPolicies, cancellationToken), cancellationToken);
        var keysTask = Task.Run(() => store.ListEverywhereAsync(EntityKinds.AccessKeys, cancellationToken), cancellationToken);

        // The AWS managed policies are read from their embedded snapshot on first use; read them while the store is
        // read, not when the first principal names one and every compiling thread waits.
        var awsManagedTask = Task.Run(() => AwsManagedPolicies.Count, cancellationToken);
        var accounts = await LoadAccountsAsync(store, compiler, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(usersTask, rolesTask, groupsTask, policiesTask, keysTask, awsManagedTask).ConfigureAwait(false);

        var byAccount = new SortedDictionary<string, AccountRows>(StringComparer.Ordinal);
        AccountRows Rows(string accountId)
        {
            if (!byAccount.TryGetValue(accountId, out var rows))
            {
                rows = new AccountRows();
                byAccount[accountId] = rows;
            }

            return rows;
        }

        foreach (var user in usersTask.Result)
        {
            Rows(user.Value.AccountId).Users.Add(user.Value);
        }

        foreach (var role in rolesTask.Result)
        {
            Rows(role.Value.AccountId).Roles.Add(role.Value);
        }

        foreach (var group in groupsTask.Result)
        {
            Rows(group.Value.AccountId).Groups.Add(group.Value);
        }

        foreach (var policy in policiesTask.Result)
        {
            Rows(policy.Value.AccountId).Policies.Add(policy.Value);
        }

        foreach (var key in keysTask.Result)
        {
            var keys = Rows(key.Value.AccountId).KeyCounts;
            keys[key.Value.UserName] = keys.GetValueOrDefault(key.Value.UserName) + 1;
        }

        var work = new List<(AccountFacts Account, AccountRows Rows)>();
        foreach (var (accountId, rows) in byAccount)
        {
            if (rows.Users.Count == 0 && rows.Roles.Count == 0)
            {
                continue;
            }

            if (!accounts.TryGetValue(accountId, out var account))
            {
                account = new AccountFacts { Id = accountId };
                accounts[accountId] = account;
            }

            work.Add((account, rows));
        }

        // Parsing and compiling the documents is most of the work: accounts in parallel, results in account order.
        var perAccount = new (List<PrincipalFacts> Principals, List<GroupFacts> Groups)[work.Count];
        Parallel.For(0, work.Count, i =>
        {
            var (principalsOfAccount, groupsOfAccount) = (new List<PrincipalFacts>(), new List<GroupFacts>());
            AddAccountPrincipals(compiler, work[i].Account, work[i].Rows, principalsOfAccount, groupsOfAccount);
            perAccount[i] = (principalsOfAccount, groupsOfAccount);
        });
        var principals = new List<PrincipalFacts>();
        var groups = new List<GroupFacts>();
        foreach (var (principalsOfAccount, groupsOfAccount) in perAccount)
        {
            principals.AddRange(principalsOfAccount);
            groups.AddRange(groupsOfAccount);
        }

        return new StoreSnapshot { Accounts = accounts, Principals = principals, Groups = groups, RejectedPolicies = compiler.Rejected };
    }

    /// <summary>The IAM rows of one account.</summary>
    private sealed class AccountRows
    {
        public List<IamUser> Users { get; } = [];

        public List<IamRole> Roles { get; } = [];

        public List<IamGroup> Groups { get; } = [];

        public List<ManagedPolicy> Policies { get; } = [];

        public Dictionary<string, int> KeyCounts { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<Dictionary<string, AccountFacts>> LoadAccountsAsync(IDirectoryStore store, PolicyCompiler compiler, CancellationToken cancellationToken)
    {
        var organizations = new Dictionary<string, OrganizationTree>(StringComparer.Ordinal);
        foreach (var organization in await store.ListAllAsync(EntityKinds.Organizations, EntityKinds.Global, cancellationToken).ConfigureAwait(false))
        {
            var id = organization.Value.Id;
            var tree = new OrganizationTree(organization.Value);
            foreach (var root in await store.ListAllAsync(EntityKinds.Roots, id, cancellationToken).ConfigureAwait(false))
            {
                tree.Roots[root.Value.Id] = root.Value;
            }

            foreach (var unit in await store.ListAllAsync(EntityKinds.OrganizationalUnits, id, cancellationToken).ConfigureAwait(false))
            {
                tree.Units[unit.Value.Id] = unit.Value;
            }

            foreach (var policy in await store.ListAllAsync(EntityKinds.OrganizationPolicies, id, cancellationToken).ConfigureAwait(false))
            {
                tree.Policies[policy.Value.Id] = policy.Value;
            }

            organizations[id] = tree;
        }

        var accounts = new Dictionary<string, AccountFacts>(StringComparer.Ordinal);
        foreach (var row in await store.ListAllAsync(EntityKinds.Accounts, EntityKinds.Global, cancellationToken).ConfigureAwait(false))
        {
            var account = row.Value;
            if (account.OrganizationId is null || !organizations.TryGetValue(account.OrganizationId, out var tree))
            {
                accounts[account.Id] = new AccountFacts { Id = account.Id, Name = account.Name };
                continue;
            }

            var path = tree.PathTo(account);
            var orgPath = account.OrganizationId + "/" + string.Concat(path.Where(p => p.Id != account.Id).Select(p => p.Id + "/"));
            var isManagement = tree.Organization.ManagementAccountId == account.Id;
            accounts[account.Id] = new AccountFacts
            {
                Id = account.Id, Name = account.Name, OrganizationId = account.OrganizationId, OrganizationPaths = [orgPath],
                ServiceControlPolicies = isManagement || !tree.Enables(path, OrganizationPolicyType.ServiceControlPolicy) ? [] : tree.Levels(path, OrganizationPolicyType.ServiceControlPolicy, PolicyKind.ServiceControl, compiler),
                ResourceControlPolicies = isManagement || !tree.Enables(path, OrganizationPolicyType.ResourceControlPolicy) ? [] : tree.Levels(path, OrganizationPolicyType.ResourceControlPolicy, PolicyKind.ResourceControl, compiler),
            };
        }

        return accounts;
    }

    private static void AddAccountPrincipals(PolicyCompiler compiler, AccountFacts account, AccountRows rows, List<PrincipalFacts> principals, List<GroupFacts> groups)
    {
        var accountId = account.Id;
        // Customer managed policies by ARN: their default version's text.
        var customer = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var policy in rows.Policies)
        {
            customer[policy.Arn] = policy.DefaultVersion?.Document;
        }

        CompiledPolicy? Managed(string arn, PolicyKind kind)
        {
            var text = customer.TryGetValue(arn, out var own) ? own
                : AwsManagedPolicies.TryGet(arn, out var aws) ? aws.DefaultVersion?.Document
                : null;
            return text is null ? null : compiler.Compile(text, kind, arn);
        }

        void AddEntityPolicies(ImmutableArray<CompiledPolicy>.Builder into, string ownerArn, IReadOnlyList<InlinePolicy> inline, IReadOnlyList<AttachedPolicy> attached, List<string>? customerArns)
        {
            foreach (var policy in inline)
            {
                if (compiler.CompileOwn(policy.Document, PolicyKind.Identity, $"{ownerArn}#{policy.PolicyName}") is { } compiled)
                {
                    into.Add(compiled);
                }
            }

            foreach (var attachment in attached)
            {
                if (Managed(attachment.PolicyArn, PolicyKind.Identity) is { } compiled)
                {
                    into.Add(compiled);
                }

                if (customerArns is not null && customer.ContainsKey(attachment.PolicyArn))
                {
                    customerArns.Add(attachment.PolicyArn);
                }
            }
        }

        var groupPolicies = new Dictionary<string, (GroupFacts Facts, List<string> CustomerArns)>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in rows.Groups)
        {
            var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
            var customerArns = new List<string>();
            AddEntityPolicies(policies, group.Arn, group.InlinePolicies, group.AttachedPolicies, customerArns);
            var facts = new GroupFacts { Arn = group.Arn, AccountId = accountId, Name = group.GroupName, Policies = policies.ToImmutable() };
            groupPolicies[group.GroupName] = (facts, customerArns);
            groups.Add(facts);
        }

        var keyCounts = rows.KeyCounts;
        foreach (var user in rows.Users)
        {
            var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
            var customerArns = new List<string>();
            var groupArns = new List<string>();
            AddEntityPolicies(policies, user.Arn, user.InlinePolicies, user.AttachedPolicies, customerArns);
            foreach (var groupName in user.Groups)
            {
                if (groupPolicies.TryGetValue(groupName, out var group))
                {
                    policies.AddRange(group.Facts.Policies);
                    customerArns.AddRange(group.CustomerArns);
                    groupArns.Add(group.Facts.Arn);
                }
            }

            var tags = Tags(user.Tags);
            principals.Add(new PrincipalFacts
            {
                Arn = user.Arn, AccountId = accountId, Name = user.UserName, IsRole = false,
                Caller = new RequestPrincipal
                {
                    Kind = PrincipalKind.User, Arn = user.Arn, AccountId = accountId, UniqueId = user.UserId, UserName = user.UserName,
                    Tags = tags, OrgId = account.OrganizationId, OrgPaths = account.OrganizationPaths,
                },
                IdentityPolicies = policies.ToImmutable(),
                PermissionsBoundary = user.PermissionsBoundaryArn is { } boundary ? Managed(boundary, PolicyKind.PermissionsBoundary) : null,
                Tags = tags, GroupArns = groupArns, CustomerManagedPolicyArns = customerArns,
                HasLoginProfile = user.LoginProfile is not null, AccessKeyCount = keyCounts.GetValueOrDefault(user.UserName),
            });
        }

        foreach (var role in rows.Roles)
        {
            var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
            var customerArns = new List<string>();
            AddEntityPolicies(policies, role.Arn, role.InlinePolicies, role.AttachedPolicies, customerArns);
            var tags = Tags(role.Tags);
            principals.Add(new PrincipalFacts
            {
                Arn = role.Arn, AccountId = accountId, Name = role.RoleName, IsRole = true,
                Caller = new RequestPrincipal
                {
                    Kind = PrincipalKind.AssumedRole, Arn = IamArns.AssumedRole(accountId, role.RoleName, AnalysisSessionName), AccountId = accountId,
                    UniqueId = role.RoleId, RoleArn = role.Arn, SessionName = AnalysisSessionName, Tags = tags, UsesTemporaryCredentials = true,
                    IsServiceLinkedRole = role.IsServiceLinked, OrgId = account.OrganizationId, OrgPaths = account.OrganizationPaths,
                },
                IdentityPolicies = policies.ToImmutable(),
                PermissionsBoundary = role.PermissionsBoundaryArn is { } boundary ? Managed(boundary, PolicyKind.PermissionsBoundary) : null,
                TrustPolicy = compiler.CompileOwn(role.AssumeRolePolicyDocument, PolicyKind.Trust, role.Arn + "#trust"),
                MaxSessionDuration = role.MaxSessionDuration,
                InstanceProfiles = role.InstanceProfiles.Select(p => p.InstanceProfileName).ToList(),
                Tags = tags, CustomerManagedPolicyArns = customerArns,
            });
        }
    }

    private static IReadOnlyDictionary<string, string> Tags(IReadOnlyList<Tag> tags)
    {
        var result = new Dictionary<string, string>(tags.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    /// <summary>An organization's structure in memory, for the paths and policy levels of its accounts.</summary>
    private sealed class OrganizationTree(Organization organization)
    {
        public Organization Organization { get; } = organization;

        public Dictionary<string, OrganizationRoot> Roots { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, OrganizationalUnit> Units { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, OrganizationPolicy> Policies { get; } = new(StringComparer.Ordinal);

        private readonly Dictionary<(string Target, OrganizationPolicyType Type), ImmutableArray<CompiledPolicy>> _levels = new();

        /// <summary>The containers from the root down to the account itself, with their attached policy ids.</summary>
        public List<(string Id, IReadOnlyList<string> Attached)> PathTo(Account account)
        {
            var path = new List<(string, IReadOnlyList<string>)> { (account.Id, account.AttachedPolicyIds) };
            var parent = account.ParentId;
            for (var depth = 0; parent is not null && depth < 10; depth++)
            {
                if (Roots.TryGetValue(parent, out var root))
                {
                    path.Add((root.Id, root.AttachedPolicyIds));
                    break;
                }

                if (!Units.TryGetValue(parent, out var unit))
                {
                    break;
                }

                path.Add((unit.Id, unit.AttachedPolicyIds));
                parent = unit.ParentId;
            }

            path.Reverse();
            return path;
        }

        /// <summary>Whether the root at the top of the path enables the policy type (only then is it evaluated).</summary>
        public bool Enables(List<(string Id, IReadOnlyList<string> Attached)> path, OrganizationPolicyType type) =>
            path.Count > 0 && Roots.TryGetValue(path[0].Id, out var root) && root.Enables(type);

        /// <summary>One level per container; the levels of shared containers (root, OUs) are compiled once.</summary>
        public ImmutableArray<ImmutableArray<CompiledPolicy>> Levels(
            List<(string Id, IReadOnlyList<string> Attached)> path, OrganizationPolicyType type, PolicyKind kind, PolicyCompiler compiler)
        {
            var levels = ImmutableArray.CreateBuilder<ImmutableArray<CompiledPolicy>>(path.Count);
            foreach (var (id, attached) in path)
            {
                if (!_levels.TryGetValue((id, type), out var level))
                {
                    var builder = ImmutableArray.CreateBuilder<CompiledPolicy>();
                    foreach (var policyId in attached)
                    {
                        if (Policies.TryGetValue(policyId, out var policy) && policy.Type == type
                            && compiler.Compile(policy.Content, kind, policy.Arn) is { } compiled)
                        {
                            builder.Add(compiled);
                        }
                    }

                    level = builder.ToImmutable();
                    _levels[(id, type)] = level;
                }

                levels.Add(level);
            }

            return levels.MoveToImmutable();
        }
    }
}
