using System.Collections.Immutable;
using Crossgate.Authorization;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Organizations;
using Crossgate.Directory.Storage;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Directory.Gathering;

/// <summary>Turns the directory into the engine's inputs: for a caller (user, role session, root) and a resource, the
/// policies AWS would consider, compiled once and cached by (policy, version).</summary>
public sealed class PolicyGatherer(IDirectoryStore store, CompiledPolicyCache? cache = null)
{
    private static readonly ImmutableArray<ImmutableArray<CompiledPolicy>> NoLevels = ImmutableArray<ImmutableArray<CompiledPolicy>>.Empty;

    private readonly OrganizationsDirectory _organizations = new(store);

    public CompiledPolicyCache Cache { get; } = cache ?? new CompiledPolicyCache();

    public IDirectoryStore Store { get; } = store;

    /// <summary>Gathers both sides of a request in one call.</summary>
    public async Task<DirectoryResult<GatheredRequest>> GatherAsync(CallerContext caller, string resource, string? resourceAccount = null, string? resourcePolicyDocument = null, CancellationToken cancellationToken = default)
    {
        var side = await ForResourceAsync(resource, resourceAccount ?? AccountOf(resource) ?? caller.Principal.AccountId, resourcePolicyDocument, cancellationToken).ConfigureAwait(false);
        return side.Success ? DirectoryResult<GatheredRequest>.Ok(new GatheredRequest(caller, side.Value!)) : side.Error;
    }

    /// <summary>The caller behind a signing key: <c>AKIA…</c> (an active user key) or <c>ASIA…</c> (a live session).</summary>
    public async Task<DirectoryResult<CallerContext>> ForAccessKeyAsync(string accessKeyId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (accessKeyId.StartsWith(UniqueIds.TemporaryKeyPrefix, StringComparison.Ordinal))
        {
            var session = await Store.FindLiveSessionAsync(accessKeyId, now, cancellationToken).ConfigureAwait(false);
            return session is null
                ? new IamError("InvalidClientTokenId", "The security token included in the request is invalid.", 403)
                : await ForSessionAsync(session, cancellationToken).ConfigureAwait(false);
        }

        var key = await Store.FindAccessKeyAsync(accessKeyId, cancellationToken).ConfigureAwait(false);
        if (key is null || key.Value.Status != AccessKeyStatus.Active)
        {
            return new IamError("InvalidClientTokenId", "The security token included in the request is invalid.", 403);
        }

        return await ForUserAsync(key.Value.AccountId, key.Value.UserName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A user by ARN, or an account's root user by <c>arn:aws:iam::ACCOUNT:root</c>.</summary>
    public async Task<DirectoryResult<CallerContext>> ForPrincipalArnAsync(string arn, CancellationToken cancellationToken = default)
    {
        if (!IamArns.TryParseIam(arn, out var parts))
        {
            return IamError.InvalidInput($"{arn} is not the ARN of an IAM user or root.");
        }

        return parts.Type switch
        {
            "root" => await ForRootAsync(parts.Account, cancellationToken).ConfigureAwait(false),
            "user" => await ForUserAsync(parts.Account, parts.Name, cancellationToken).ConfigureAwait(false),
            _ => IamError.InvalidInput($"{arn} is not the ARN of an IAM user or root; role callers are sessions."),
        };
    }

    /// <summary>The root user of an account; kept by a <see cref="DirectoryView"/> until the directory changes.</summary>
    public Task<DirectoryResult<CallerContext>> ForRootAsync(string accountId, CancellationToken cancellationToken = default) =>
        Store is DirectoryView view
            ? view.DerivedAsync("root:" + accountId, ct => GatherRootAsync(accountId, ct), cancellationToken)
            : GatherRootAsync(accountId, cancellationToken);

    /// <summary>An IAM user; kept by a <see cref="DirectoryView"/> until the directory changes.</summary>
    public Task<DirectoryResult<CallerContext>> ForUserAsync(string accountId, string userName, CancellationToken cancellationToken = default) =>
        Store is DirectoryView view
            ? view.DerivedAsync("user:" + accountId + "/" + EntityKinds.NameKey(userName), ct => GatherUserAsync(accountId, userName, ct), cancellationToken)
            : GatherUserAsync(accountId, userName, cancellationToken);

    private async Task<DirectoryResult<CallerContext>> GatherRootAsync(string accountId, CancellationToken cancellationToken)
    {
        var org = await OrganizationSideAsync(accountId, PolicyKind.ServiceControl, cancellationToken).ConfigureAwait(false);
        if (!org.Success)
        {
            return org.Error;
        }

        var principal = new RequestPrincipal
        {
            Kind = PrincipalKind.Root, Arn = IamArns.Root(accountId), AccountId = accountId, OrgId = org.Value!.OrgId, OrgPaths = org.Value.Paths,
        };
        return new CallerContext(principal, [], null, [], org.Value.Levels);
    }

    private async Task<DirectoryResult<CallerContext>> GatherUserAsync(string accountId, string userName, CancellationToken cancellationToken)
    {
        var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return Iam.IamMessages.NoSuchUser(userName);
        }

        var user = found.Value;
        var identity = await UserIdentityPoliciesAsync(found, cancellationToken).ConfigureAwait(false);
        if (!identity.Success)
        {
            return identity.Error;
        }

        var boundary = await BoundaryAsync(user.PermissionsBoundaryArn, cancellationToken).ConfigureAwait(false);
        var org = await OrganizationSideAsync(accountId, PolicyKind.ServiceControl, cancellationToken).ConfigureAwait(false);
        if (!boundary.Success || !org.Success)
        {
            return boundary.Error ?? org.Error!;
        }

        var principal = new RequestPrincipal
        {
            Kind = PrincipalKind.User, Arn = user.Arn, AccountId = accountId, UniqueId = user.UserId, UserName = user.UserName,
            Tags = ToDictionary(user.Tags), OrgId = org.Value!.OrgId, OrgPaths = org.Value.Paths,
        };
        return new CallerContext(principal, identity.Value, boundary.Value, [], org.Value.Levels);
    }

    /// <summary>A session: for a role, the role's policies and boundary plus the session's own policies and tags;
    /// for GetSessionToken / GetFederationToken, the user's policies (and the federation session policy).</summary>
    public async Task<DirectoryResult<CallerContext>> ForSessionAsync(StsSession session, CancellationToken cancellationToken = default)
    {
        var sessionPolicies = await SessionPoliciesAsync(session, cancellationToken).ConfigureAwait(false);
        var org = await OrganizationSideAsync(session.AccountId, PolicyKind.ServiceControl, cancellationToken).ConfigureAwait(false);
        if (!sessionPolicies.Success || !org.Success)
        {
            return sessionPolicies.Error ?? org.Error!;
        }

        if (session.Kind != StsSessionKind.AssumedRole)
        {
            if (session.UserArn is null || !IamArns.TryParseIam(session.UserArn, out var userParts))
            {
                return IamError.InvalidInput("The session names no IAM user.");
            }

            var user = await ForUserAsync(userParts.Account, userParts.Name, cancellationToken).ConfigureAwait(false);
            if (!user.Success)
            {
                return user.Error;
            }

            var asUser = user.Value!.Principal;
            var federated = session.Kind == StsSessionKind.FederatedUser;
            var principal = new RequestPrincipal
            {
                Kind = federated ? PrincipalKind.FederatedUser : PrincipalKind.User,
                Arn = federated ? IamArns.FederatedUser(session.AccountId, session.SessionName ?? string.Empty) : asUser.Arn,
                AccountId = session.AccountId, UniqueId = asUser.UniqueId, UserName = asUser.UserName, Tags = asUser.Tags,
                SessionName = session.SessionName, SessionTags = ToDictionary(session.SessionTags), UsesTemporaryCredentials = true,
                MultiFactorAuthenticated = session.MfaAuthenticated, MultiFactorAuthTime = session.MfaAuthTime, TokenIssueTime = session.IssuedAt,
                OrgId = asUser.OrgId, OrgPaths = asUser.OrgPaths,
            };
            return user.Value with { Principal = principal, SessionPolicies = sessionPolicies.Value };
        }

        if (session.RoleArn is null || !IamArns.TryParseIam(session.RoleArn, out var roleParts))
        {
            return IamError.InvalidInput("The session names no role.");
        }

        var found = await Store.GetRoleAsync(roleParts.Account, roleParts.Name, cancellationToken).ConfigureAwait(false);
        if (found is null)
        {
            return Iam.IamMessages.NoSuchRole(roleParts.Name);
        }

        var role = found.Value;
        var identity = ImmutableArray.CreateBuilder<CompiledPolicy>();
        var added = await AddEntityPoliciesAsync(identity, role.RoleId, role.InlinePolicies, role.AttachedPolicies, found.Version, cancellationToken).ConfigureAwait(false);
        var boundary = await BoundaryAsync(role.PermissionsBoundaryArn, cancellationToken).ConfigureAwait(false);
        if (added is not null || !boundary.Success)
        {
            return added ?? boundary.Error!;
        }

        var rolePrincipal = new RequestPrincipal
        {
            Kind = PrincipalKind.AssumedRole, Arn = IamArns.AssumedRole(session.AccountId, role.RoleName, session.SessionName ?? string.Empty),
            AccountId = session.AccountId, UniqueId = role.RoleId, RoleArn = role.Arn, SessionName = session.SessionName,
            SourceIdentity = session.SourceIdentity, Tags = ToDictionary(role.Tags), SessionTags = ToDictionary(session.SessionTags),
            UsesTemporaryCredentials = true, MultiFactorAuthenticated = session.MfaAuthenticated, MultiFactorAuthTime = session.MfaAuthTime,
            TokenIssueTime = session.IssuedAt, IsServiceLinkedRole = role.IsServiceLinked, OrgId = org.Value!.OrgId, OrgPaths = org.Value.Paths,
        };
        return new CallerContext(rolePrincipal, identity.ToImmutable(), boundary.Value, sessionPolicies.Value, org.Value.Levels);
    }

    /// <summary>The resource side: a role's trust policy when the resource is a role (or the document given), the RCP
    /// levels of the resource's account, its organization and its tags.</summary>
    public Task<DirectoryResult<ResourceContext>> ForResourceAsync(string resource, string resourceAccount, string? resourcePolicyDocument = null, CancellationToken cancellationToken = default) =>
        Store is DirectoryView view && resourcePolicyDocument is null
            ? view.DerivedAsync("resource:" + resourceAccount + "|" + resource, ct => GatherResourceAsync(resource, resourceAccount, null, ct), cancellationToken)
            : GatherResourceAsync(resource, resourceAccount, resourcePolicyDocument, cancellationToken);

    private async Task<DirectoryResult<ResourceContext>> GatherResourceAsync(string resource, string resourceAccount, string? resourcePolicyDocument, CancellationToken cancellationToken)
    {
        CompiledPolicy? resourcePolicy = null;
        IReadOnlyDictionary<string, string> tags = EmptyTags;
        if (IamArns.TryParseIam(resource, out var parts) && parts.Type is "role" or "user")
        {
            if (parts.Type == "role" && await Store.GetRoleAsync(parts.Account, parts.Name, cancellationToken).ConfigureAwait(false) is { } role)
            {
                var trust = Cache.GetOrCompile($"trust:{role.Value.RoleId}", Stamp(role.Version), role.Value.AssumeRolePolicyDocument, PolicyKind.Trust, role.Value.Arn);
                if (!trust.Success)
                {
                    return trust.Error;
                }

                resourcePolicy = trust.Value;
                tags = ToDictionary(role.Value.Tags);
            }
            else if (parts.Type == "user" && await Store.GetUserAsync(parts.Account, parts.Name, cancellationToken).ConfigureAwait(false) is { } user)
            {
                tags = ToDictionary(user.Value.Tags);
            }
        }

        if (resourcePolicyDocument is not null)
        {
            var parsed = PolicyParser.Parse(resourcePolicyDocument, PolicyKind.Resource);
            if (!parsed.Success)
            {
                return IamError.MalformedPolicyDocument(parsed.Errors[0].Message);
            }

            resourcePolicy = CompiledPolicy.Compile(parsed.Document, "resource policy");
        }

        var org = await OrganizationSideAsync(resourceAccount, PolicyKind.ResourceControl, cancellationToken).ConfigureAwait(false);
        if (!org.Success)
        {
            return org.Error;
        }

        return new ResourceContext(resource, resourceAccount, resourcePolicy, org.Value!.Levels, org.Value.OrgId, org.Value.Paths, tags);
    }

    private async Task<DirectoryResult<ImmutableArray<CompiledPolicy>>> UserIdentityPoliciesAsync(Versioned<IamUser> found, CancellationToken cancellationToken)
    {
        var user = found.Value;
        var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
        if (await AddEntityPoliciesAsync(policies, user.UserId, user.InlinePolicies, user.AttachedPolicies, found.Version, cancellationToken).ConfigureAwait(false) is { } error)
        {
            return error;
        }

        foreach (var groupName in user.Groups)
        {
            var group = await Store.GetGroupAsync(user.AccountId, groupName, cancellationToken).ConfigureAwait(false);
            if (group is null)
            {
                continue; // A membership of a deleted group grants nothing.
            }

            if (await AddEntityPoliciesAsync(policies, group.Value.GroupId, group.Value.InlinePolicies, group.Value.AttachedPolicies, group.Version, cancellationToken).ConfigureAwait(false) is { } groupError)
            {
                return groupError;
            }
        }

        return DirectoryResult<ImmutableArray<CompiledPolicy>>.Ok(policies.ToImmutable());
    }

    private async Task<IamError?> AddEntityPoliciesAsync(
        ImmutableArray<CompiledPolicy>.Builder into, string ownerId, IReadOnlyList<InlinePolicy> inline, IReadOnlyList<AttachedPolicy> attached, long version, CancellationToken cancellationToken)
    {
        foreach (var policy in inline)
        {
            var compiled = Cache.GetOrCompile($"inline:{ownerId}:{policy.PolicyName}", Stamp(version), policy.Document, PolicyKind.Identity, policy.PolicyName);
            if (!compiled.Success)
            {
                return compiled.Error;
            }

            into.Add(compiled.Value!);
        }

        foreach (var attachment in attached)
        {
            var compiled = await ManagedAsync(attachment.PolicyArn, PolicyKind.Identity, cancellationToken).ConfigureAwait(false);
            if (!compiled.Success)
            {
                return compiled.Error;
            }

            into.Add(compiled.Value!);
        }

        return null;
    }

    private async Task<DirectoryResult<CompiledPolicy?>> BoundaryAsync(string? arn, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return DirectoryResult<CompiledPolicy?>.Ok(null);
        }

        var compiled = await ManagedAsync(arn, PolicyKind.PermissionsBoundary, cancellationToken).ConfigureAwait(false);
        return compiled.Success ? DirectoryResult<CompiledPolicy?>.Ok(compiled.Value) : compiled.Error;
    }

    /// <summary>A managed policy's default version: customer managed from the store, AWS managed from the snapshot
    /// (or from the store when imported and absent from the snapshot).</summary>
    private async Task<DirectoryResult<CompiledPolicy>> ManagedAsync(string arn, PolicyKind kind, CancellationToken cancellationToken)
    {
        ManagedPolicy? policy = null;
        long rowVersion = 0;
        if (AwsManagedPolicies.TryGet(arn, out var aws))
        {
            policy = aws;
        }
        else if (await Store.GetManagedPolicyByArnAsync(arn, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            (policy, rowVersion) = (stored.Value, stored.Version);
        }

        if (policy?.DefaultVersion is not { } version)
        {
            return Iam.IamMessages.NoSuchPolicy(arn);
        }

        return Cache.GetOrCompile($"managed:{kind}:{policy.PolicyId}", $"{version.VersionId}:{rowVersion}", version.Document, kind, arn);
    }

    private async Task<DirectoryResult<ImmutableArray<CompiledPolicy>>> SessionPoliciesAsync(StsSession session, CancellationToken cancellationToken)
    {
        var policies = ImmutableArray.CreateBuilder<CompiledPolicy>();
        if (session.SessionPolicy is { } inline)
        {
            var compiled = Cache.GetOrCompile($"session:{session.AccessKeyId}", "0", inline, PolicyKind.Session, "session policy");
            if (!compiled.Success)
            {
                return compiled.Error;
            }

            policies.Add(compiled.Value!);
        }

        foreach (var arn in session.SessionPolicyArns)
        {
            var compiled = await ManagedAsync(arn, PolicyKind.Session, cancellationToken).ConfigureAwait(false);
            if (!compiled.Success)
            {
                return compiled.Error;
            }

            policies.Add(compiled.Value!);
        }

        return DirectoryResult<ImmutableArray<CompiledPolicy>>.Ok(policies.ToImmutable());
    }

    /// <summary>The organization facts of an account and its SCP or RCP levels from the root down. None outside an
    /// organization and none for the management account, which SCPs and RCPs do not restrict.</summary>
    private async Task<DirectoryResult<OrganizationSide>> OrganizationSideAsync(string accountId, PolicyKind kind, CancellationToken cancellationToken)
    {
        var account = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        if (account?.Value.OrganizationId is not { } orgId)
        {
            return DirectoryResult<OrganizationSide>.Ok(new OrganizationSide(null, [], NoLevels));
        }

        var path = await _organizations.PathToAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
        var orgPath = orgId + "/" + string.Concat(path.Where(t => t.Kind != TargetKind.Account).Select(t => t.Id + "/"));
        var organization = await Store.GetOrganizationAsync(orgId, cancellationToken).ConfigureAwait(false);
        if (organization is null || organization.Value.ManagementAccountId == accountId)
        {
            return DirectoryResult<OrganizationSide>.Ok(new OrganizationSide(orgId, [orgPath], NoLevels));
        }

        var wanted = kind == PolicyKind.ServiceControl ? OrganizationPolicyType.ServiceControlPolicy : OrganizationPolicyType.ResourceControlPolicy;
        if (path.Count == 0 || path[0].Kind != TargetKind.Root || !path[0].PolicyTypes.Contains(wanted.ToWireName()))
        {
            // A policy type the root has not enabled is not evaluated (and none of its policies can be attached).
            return DirectoryResult<OrganizationSide>.Ok(new OrganizationSide(orgId, [orgPath], NoLevels));
        }

        var levels = ImmutableArray.CreateBuilder<ImmutableArray<CompiledPolicy>>(path.Count);
        foreach (var target in path)
        {
            var level = ImmutableArray.CreateBuilder<CompiledPolicy>();
            foreach (var policyId in target.AttachedPolicyIds)
            {
                var policy = await Store.GetOrganizationPolicyAsync(orgId, policyId, cancellationToken).ConfigureAwait(false);
                if (policy is null || policy.Value.Type != wanted)
                {
                    continue;
                }

                var compiled = Cache.GetOrCompile($"org:{orgId}:{policyId}", Stamp(policy.Version), policy.Value.Content, kind, policy.Value.Arn);
                if (!compiled.Success)
                {
                    return compiled.Error;
                }

                level.Add(compiled.Value!);
            }

            levels.Add(level.ToImmutable());
        }

        return DirectoryResult<OrganizationSide>.Ok(new OrganizationSide(orgId, [orgPath], levels.ToImmutable()));
    }

    private static string? AccountOf(string resource)
    {
        var segments = resource.Split(':', 6);
        return segments.Length == 6 && segments[4].Length > 0 && segments[4] != ManagedPolicy.AwsAccount ? segments[4] : null;
    }

    private static string Stamp(long version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static readonly IReadOnlyDictionary<string, string> EmptyTags = new Dictionary<string, string>();

    private static IReadOnlyDictionary<string, string> ToDictionary(IReadOnlyList<Tag> tags)
    {
        if (tags.Count == 0)
        {
            return EmptyTags;
        }

        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private sealed record OrganizationSide(string? OrgId, IReadOnlyList<string> Paths, ImmutableArray<ImmutableArray<CompiledPolicy>> Levels);
}
