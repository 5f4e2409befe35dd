using System.Text.Json.Nodes;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Directory.Iam;

/// <summary>The one way users, groups and roles are changed: load the entity at its row version, apply a change that
/// may refuse, and write it back with an audit event. Attaching a managed policy also touches the policy's
/// attachment count in the same change set.</summary>
public sealed partial class IamDirectory
{
    private Task<DirectoryResult<T>> UpdateHolderAsync<T>(
        EntityKind<T> kind, Func<Task<Versioned<T>?>> load, Func<IamError> notFound, string accountId, string eventName,
        JsonObject parameters, AuditContext? audit, Func<T, DirectoryResult<T>> change, CancellationToken cancellationToken)
        where T : class =>
        MutateAsync(async () =>
        {
            var found = await load().ConfigureAwait(false);
            if (found is null)
            {
                return notFound();
            }

            var changed = change(found.Value);
            if (!changed.Success)
            {
                return changed.Error;
            }

            var changes = Audited(audit, eventName, accountId, parameters).Update(kind, changed.Value!, found.Version);
            return Mutation<T>.Write(changes, changed.Value!);
        }, cancellationToken);

    private Task<DirectoryResult<T>> AttachToHolderAsync<T>(
        EntityKind<T> kind, Func<Task<Versioned<T>?>> load, Func<IamError> notFound, string accountId, string eventName,
        JsonObject parameters, AuditContext? audit, string policyArn, string quotaName,
        Func<T, IReadOnlyList<AttachedPolicy>> attachedOf, Func<T, IReadOnlyList<AttachedPolicy>, T> withAttached,
        CancellationToken cancellationToken)
        where T : class =>
        MutateAsync(async () =>
        {
            var found = await load().ConfigureAwait(false);
            if (found is null)
            {
                return notFound();
            }

            var attach = await AttachAsync(attachedOf(found.Value), policyArn, quotaName, cancellationToken).ConfigureAwait(false);
            if (!attach.Success)
            {
                return attach.Error;
            }

            var holder = withAttached(found.Value, attach.Value!.Attached);
            var changes = Audited(audit, eventName, accountId, parameters).Update(kind, holder, found.Version);
            attach.Value.TouchPolicy(changes);
            return Mutation<T>.Write(changes, holder);
        }, cancellationToken);

    /// <summary>Puts an inline policy after checking its name, its grammar and the holder's inline size quota.</summary>
    private static DirectoryResult<IReadOnlyList<InlinePolicy>> PutInline(
        IReadOnlyList<InlinePolicy> existing, string policyName, string document, Policies.Parsing.PolicySizeQuota quota)
    {
        if ((Validation.IamNames.PolicyName(policyName) ?? ValidateDocument(document, Policies.PolicyKind.Identity, null)) is { } invalid)
        {
            return invalid;
        }

        var policies = WithInline(existing, policyName, document);
        return quota.CheckSize(InlineSize(policies, quota)) is { } tooLarge
            ? IamError.LimitExceeded(tooLarge.Message)
            : DirectoryResult<IReadOnlyList<InlinePolicy>>.Ok(policies);
    }
}
