using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    public async Task<DirectoryResult<IamRole>> GetRoleAsync(string accountId, string roleName, CancellationToken cancellationToken = default)
    {
        var found = await Store.GetRoleAsync(accountId, roleName, cancellationToken).ConfigureAwait(false);
        return found is null ? IamMessages.NoSuchRole(roleName) : DirectoryResult<IamRole>.Ok(found.Value);
    }

    public Task<DirectoryResult<IamRole>> CreateRoleAsync(
        string accountId, string roleName, string assumeRolePolicyDocument, string path = "/", string? description = null,
        int maxSessionDuration = IamRole.MinSessionDuration, string? permissionsBoundaryArn = null, IReadOnlyList<Tag>? tags = null,
        AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var failures = new ValidationFailures();
            IamNames.CheckName(failures, roleName ?? string.Empty, "roleName", 64);
            IamNames.CheckEntityPath(failures, path ?? string.Empty);
            if ((failures.ToError() ?? IamNames.RoleDescription(description) ?? IamNames.MaxSessionDuration(maxSessionDuration) ?? ValidateOptionalTags(tags)) is { } invalid)
            {
                return invalid;
            }

            if (ValidateDocument(assumeRolePolicyDocument, PolicyKind.Trust, PolicySizeQuota.TrustPolicy()) is { } malformed)
            {
                return malformed;
            }

            if (await InvalidPrincipalAsync(assumeRolePolicyDocument, cancellationToken).ConfigureAwait(false) is { } invalidPrincipal)
            {
                return invalidPrincipal;
            }

            var boundary = permissionsBoundaryArn is null ? null : await FindPolicyAsync(permissionsBoundaryArn, cancellationToken).ConfigureAwait(false);
            if (permissionsBoundaryArn is not null && boundary is null)
            {
                return IamMessages.NotAttachable(permissionsBoundaryArn);
            }

            var role = new IamRole
            {
                AccountId = accountId, RoleName = roleName!, Path = path!, RoleId = UniqueIds.NewRoleId(), CreateDate = Now,
                AssumeRolePolicyDocument = assumeRolePolicyDocument, Description = description, MaxSessionDuration = maxSessionDuration,
                PermissionsBoundaryArn = permissionsBoundaryArn, Tags = tags ?? [],
            };
            var changes = Audited(audit, "CreateRole", accountId, new JsonObject { ["roleName"] = roleName, ["path"] = path, ["description"] = description, ["maxSessionDuration"] = maxSessionDuration }).Insert(EntityKinds.Roles, role);
            Referencing(changes, boundary);
            return Mutation<IamRole>.Write(changes, role, IamMessages.RoleExists(roleName!));
        }, cancellationToken);

    public Task<DirectoryResult<bool>> DeleteRoleAsync(string accountId, string roleName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetRoleAsync(accountId, roleName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchRole(roleName);
            }

            if (found.Value.IsServiceLinked)
            {
                return IamError.UnmodifiableEntity($"Cannot perform the operation on the protected role '{found.Value.RoleName}' - this role is only modifiable by AWS");
            }

            if (found.Value.InlinePolicies.Count > 0)
            {
                return IamMessages.MustDelete("delete policies");
            }

            if (found.Value.AttachedPolicies.Count > 0)
            {
                return IamMessages.MustDelete("detach all policies");
            }

            if (found.Value.InstanceProfiles.Count > 0)
            {
                return IamMessages.MustDelete("remove roles from instance profile");
            }

            var changes = Audited(audit, "DeleteRole", accountId, new JsonObject { ["roleName"] = roleName }).Delete(EntityKinds.Roles, found.Value, found.Version);
            return Mutation<bool>.Write(changes, true);
        }, cancellationToken);

    public async Task<DirectoryResult<IamRole>> UpdateAssumeRolePolicyAsync(string accountId, string roleName, string document, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        await InvalidPrincipalAsync(document, cancellationToken).ConfigureAwait(false) is { } invalidPrincipal
            ? invalidPrincipal
            : await UpdateRoleWithAsync(accountId, roleName, "UpdateAssumeRolePolicy", new JsonObject { ["roleName"] = roleName }, audit, role =>
            ValidateDocument(document, PolicyKind.Trust, PolicySizeQuota.TrustPolicy()) is { } malformed
                ? DirectoryResult<IamRole>.Fail(malformed)
                : DirectoryResult<IamRole>.Ok(role with { AssumeRolePolicyDocument = document }), cancellationToken).ConfigureAwait(false);

    /// <summary>UpdateRole: description and/or maximum session duration.</summary>
    public Task<DirectoryResult<IamRole>> UpdateRoleAsync(string accountId, string roleName, string? description, int? maxSessionDuration, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "UpdateRole", new JsonObject { ["roleName"] = roleName, ["description"] = description, ["maxSessionDuration"] = maxSessionDuration }, audit, role =>
        {
            if ((IamNames.RoleDescription(description) ?? (maxSessionDuration is { } d ? IamNames.MaxSessionDuration(d) : null)) is { } invalid)
            {
                return invalid;
            }

            return DirectoryResult<IamRole>.Ok(role with
            {
                Description = description ?? role.Description,
                MaxSessionDuration = maxSessionDuration ?? role.MaxSessionDuration,
            });
        }, cancellationToken);

    public Task<DirectoryResult<IamRole>> PutRolePolicyAsync(string accountId, string roleName, string policyName, string document, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "PutRolePolicy", new JsonObject { ["roleName"] = roleName, ["policyName"] = policyName }, audit, role =>
        {
            var policies = PutInline(role.InlinePolicies, policyName, document, PolicySizeQuota.InlineRolePolicies(role.RoleName));
            return policies.Success ? DirectoryResult<IamRole>.Ok(role with { InlinePolicies = policies.Value! }) : policies.Error!;
        }, cancellationToken);

    public Task<DirectoryResult<IamRole>> DeleteRolePolicyAsync(string accountId, string roleName, string policyName, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "DeleteRolePolicy", new JsonObject { ["roleName"] = roleName, ["policyName"] = policyName }, audit, role =>
            role.InlinePolicies.Any(p => p.PolicyName == policyName)
                ? DirectoryResult<IamRole>.Ok(role with { InlinePolicies = role.InlinePolicies.Where(p => p.PolicyName != policyName).ToList() })
                : IamMessages.NoSuchInlinePolicy("role", roleName, policyName), cancellationToken);

    public Task<DirectoryResult<IamRole>> DetachRolePolicyAsync(string accountId, string roleName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "DetachRolePolicy", new JsonObject { ["roleName"] = roleName, ["policyArn"] = policyArn }, audit, role =>
            role.AttachedPolicies.Any(p => p.PolicyArn == policyArn)
                ? DirectoryResult<IamRole>.Ok(role with { AttachedPolicies = role.AttachedPolicies.Where(p => p.PolicyArn != policyArn).ToList() })
                : IamMessages.NoSuchPolicy(policyArn), cancellationToken);

    public Task<DirectoryResult<IamRole>> AttachRolePolicyAsync(string accountId, string roleName, string policyArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        AttachToHolderAsync(EntityKinds.Roles, () => Store.GetRoleAsync(accountId, roleName, cancellationToken), () => IamMessages.NoSuchRole(roleName), accountId, "AttachRolePolicy", new JsonObject { ["roleName"] = roleName, ["policyArn"] = policyArn }, audit, policyArn, "PoliciesPerRole",
            role => role.AttachedPolicies, (role, attached) => role with { AttachedPolicies = attached }, cancellationToken);

    public Task<DirectoryResult<IamRole>> PutRolePermissionsBoundaryAsync(string accountId, string roleName, string? boundaryArn, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var boundary = boundaryArn is null ? null : await FindPolicyAsync(boundaryArn, cancellationToken).ConfigureAwait(false);
            if (boundaryArn is not null && boundary is null)
            {
                return IamMessages.NotAttachable(boundaryArn);
            }

            var found = await Store.GetRoleAsync(accountId, roleName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchRole(roleName);
            }

            var role = found.Value with { PermissionsBoundaryArn = boundaryArn };
            var name = boundaryArn is null ? "DeleteRolePermissionsBoundary" : "PutRolePermissionsBoundary";
            var changes = Audited(audit, name, accountId, new JsonObject { ["roleName"] = roleName, ["permissionsBoundary"] = boundaryArn }).Update(EntityKinds.Roles, role, found.Version);
            Referencing(changes, boundary);
            return Mutation<IamRole>.Write(changes, role);
        }, cancellationToken);

    private Task<DirectoryResult<IamRole>> UpdateRoleWithAsync(
        string accountId, string roleName, string eventName, JsonObject parameters, AuditContext? audit,
        Func<IamRole, DirectoryResult<IamRole>> change, CancellationToken cancellationToken) =>
        UpdateHolderAsync(EntityKinds.Roles, () => Store.GetRoleAsync(accountId, roleName, cancellationToken), () => IamMessages.NoSuchRole(roleName), accountId, eventName, parameters, audit, change, cancellationToken);

    /// <summary>IAM's refusal of a trust policy naming a user or role that does not exist: <c>Invalid principal in
    /// policy: "AWS":"ARN"</c>. Only accounts this store holds are checked; any other valid account id is accepted,
    /// as AWS accepts principals of accounts it cannot see into.</summary>
    private async Task<IamError?> InvalidPrincipalAsync(string document, CancellationToken cancellationToken)
    {
        var parsed = PolicyParser.Parse(document, PolicyKind.Trust);
        if (!parsed.Success) return null;
        foreach (var statement in parsed.Document.Statements)
        {
            if (statement.Principal is not { } principal) continue;
            foreach (var arn in principal.Aws)
            {
                var parts = arn.Split(':', 6);
                if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || parts[5].Length == 0) continue;
                var resource = parts[5];
                var isUser = resource.StartsWith("user/", StringComparison.Ordinal);
                if (!isUser && !resource.StartsWith("role/", StringComparison.Ordinal)) continue;
                if (await Store.GetAccountAsync(parts[4], cancellationToken).ConfigureAwait(false) is null) continue;
                var name = resource[(resource.LastIndexOf('/') + 1)..];
                var exists = isUser
                    ? (await Store.GetUserAsync(parts[4], name, cancellationToken).ConfigureAwait(false))?.Value.Arn == arn
                    : (await Store.GetRoleAsync(parts[4], name, cancellationToken).ConfigureAwait(false))?.Value.Arn == arn;
                if (!exists) return IamError.MalformedPolicyDocument($"Invalid principal in policy: \"AWS\":\"{arn}\"");
            }
        }

        return null;
    }
}
