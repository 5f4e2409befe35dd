using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Validation;

namespace Crossgate.Directory.Iam;

public sealed partial class IamDirectory
{
    public Task<DirectoryResult<IamUser>> TagUserAsync(string accountId, string userName, IReadOnlyList<Tag> tags, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            var merged = MergeTags(found.Value.Tags, tags, out var invalid);
            if (invalid is not null)
            {
                return invalid;
            }

            var user = found.Value with { Tags = merged };
            return Mutation<IamUser>.Write(Audited(audit, "TagUser", accountId, new JsonObject { ["userName"] = userName }).Update(EntityKinds.Users, user, found.Version), user);
        }, cancellationToken);

    public Task<DirectoryResult<IamUser>> UntagUserAsync(string accountId, string userName, IReadOnlyList<string> tagKeys, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            var user = found.Value with { Tags = found.Value.Tags.Where(t => !tagKeys.Contains(t.Key, StringComparer.OrdinalIgnoreCase)).ToList() };
            return Mutation<IamUser>.Write(Audited(audit, "UntagUser", accountId, new JsonObject { ["userName"] = userName, ["tagKeys"] = RequestParametersJson.Strings(tagKeys) }).Update(EntityKinds.Users, user, found.Version), user);
        }, cancellationToken);

    public Task<DirectoryResult<IamRole>> TagRoleAsync(string accountId, string roleName, IReadOnlyList<Tag> tags, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "TagRole", new JsonObject { ["roleName"] = roleName }, audit, role =>
        {
            var merged = MergeTags(role.Tags, tags, out var invalid);
            return invalid is not null ? invalid : DirectoryResult<IamRole>.Ok(role with { Tags = merged });
        }, cancellationToken);

    public Task<DirectoryResult<IamRole>> UntagRoleAsync(string accountId, string roleName, IReadOnlyList<string> tagKeys, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        UpdateRoleWithAsync(accountId, roleName, "UntagRole", new JsonObject { ["roleName"] = roleName, ["tagKeys"] = RequestParametersJson.Strings(tagKeys) }, audit, role =>
            DirectoryResult<IamRole>.Ok(role with { Tags = role.Tags.Where(t => !tagKeys.Contains(t.Key, StringComparer.OrdinalIgnoreCase)).ToList() }),
            cancellationToken);

    /// <summary>UpdateAccountPasswordPolicy; null restores AWS's default policy.</summary>
    public Task<DirectoryResult<Account>> SetPasswordPolicyAsync(string accountId, PasswordPolicy? policy, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            if (policy is not null && (policy.MinimumPasswordLength < 6 || policy.MinimumPasswordLength > 128))
            {
                var failures = new ValidationFailures();
                if (policy.MinimumPasswordLength < 6)
                {
                    failures.MinValue(policy.MinimumPasswordLength, "minimumPasswordLength", 6);
                }
                else
                {
                    failures.MaxValue(policy.MinimumPasswordLength, "minimumPasswordLength", 128);
                }

                return failures.ToError()!;
            }

            var found = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
            var account = (found?.Value ?? new Account { Id = accountId, Name = accountId }) with { PasswordPolicy = policy };
            var eventName = policy is null ? "DeleteAccountPasswordPolicy" : "UpdateAccountPasswordPolicy";
            var changes = Audited(audit, eventName, accountId, new JsonObject { ["minimumPasswordLength"] = policy?.MinimumPasswordLength });
            return Mutation<Account>.Write(found is null ? changes.Insert(EntityKinds.Accounts, account) : changes.Update(EntityKinds.Accounts, account, found.Version), account);
        }, cancellationToken);

    /// <summary>UpdateLoginProfile: a new password (checked against the policy) and/or the reset flag.</summary>
    public Task<DirectoryResult<IamUser>> UpdateLoginProfileAsync(string accountId, string userName, string? password, bool? passwordResetRequired, AuditContext? audit = null, CancellationToken cancellationToken = default) =>
        MutateAsync(async () =>
        {
            var found = await Store.GetUserAsync(accountId, userName, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                return IamMessages.NoSuchUser(userName);
            }

            if (found.Value.LoginProfile is not { } profile)
            {
                return IamError.NoSuchEntity($"Login Profile for User {found.Value.UserName} cannot be found.");
            }

            if (password is not null)
            {
                var account = await Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false);
                if (PasswordCheck.Check(password, account?.Value.PasswordPolicy) is { } weak)
                {
                    return weak;
                }

                profile = PasswordHasher.Create(password, passwordResetRequired ?? profile.PasswordResetRequired, profile.CreateDate);
            }
            else if (passwordResetRequired is { } reset)
            {
                profile = profile with { PasswordResetRequired = reset };
            }

            var user = found.Value with { LoginProfile = profile };
            var changes = Audited(audit, "UpdateLoginProfile", accountId, new JsonObject { ["userName"] = userName, ["passwordResetRequired"] = passwordResetRequired }).Update(EntityKinds.Users, user, found.Version);
            return Mutation<IamUser>.Write(changes, user);
        }, cancellationToken);

    private static IReadOnlyList<Tag> MergeTags(IReadOnlyList<Tag> existing, IReadOnlyList<Tag> added, out IamError? invalid)
    {
        invalid = IamNames.Tags(added);
        if (invalid is not null)
        {
            return existing;
        }

        var merged = existing.Where(t => !added.Any(a => string.Equals(a.Key, t.Key, StringComparison.OrdinalIgnoreCase))).Concat(added).ToList();
        if (merged.Count > IamNames.MaxTags)
        {
            invalid = IamError.LimitExceeded($"Cannot exceed quota for TagsPerEntity: {IamNames.MaxTags}");
        }

        return merged;
    }
}
