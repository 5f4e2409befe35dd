using System.Text.Json.Nodes;
using Crossgate.Directory.ManagedPolicies;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Policies;
using Crossgate.Policies.Parsing;

namespace Crossgate.Directory.Iam;

/// <summary>IAM's write operations over a directory store, with IAM's validation, quotas and refusals. Each operation
/// reads what it needs, computes one change set and commits it with the row versions it read; when another writer
/// got there first it reads again (optimistic concurrency), so several servers on one database stay consistent.</summary>
public sealed partial class IamDirectory
{
    public const int MaxGroupsPerUser = 10;
    public const int MaxAttachedPolicies = 10;
    public const int MaxAccessKeysPerUser = 2;
    private const int MaxAttempts = 16;

    private readonly TimeProvider _time;

    public IamDirectory(IDirectoryStore store, TimeProvider? time = null)
    {
        Store = store;
        _time = time ?? TimeProvider.System;
    }

    public IDirectoryStore Store { get; }

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs read-compute-commit until it commits, is refused, or keeps losing races.</summary>
    private async Task<DirectoryResult<T>> MutateAsync<T>(Func<Task<Mutation<T>>> attempt, CancellationToken cancellationToken)
    {
        for (var i = 0; i < MaxAttempts; i++)
        {
            var mutation = await attempt().ConfigureAwait(false);
            if (mutation.Error is { } error)
            {
                return error;
            }

            var result = await Store.CommitAsync(mutation.Changes!, cancellationToken).ConfigureAwait(false);
            if (result.Success)
            {
                return DirectoryResult<T>.Ok(mutation.Value!);
            }

            if (result is { Reason: ConflictReason.AlreadyExists, Conflict.Kind: ChangeKind.Insert } && mutation.AlreadyExists is { } exists)
            {
                return exists;
            }

            await Task.Delay(Random.Shared.Next(1, 5 * (i + 1)), cancellationToken).ConfigureAwait(false);
        }

        return IamMessages.ConcurrentModification();
    }

    private ChangeSet Audited(AuditContext? audit, string eventName, string accountId, JsonObject requestParameters)
    {
        var changes = new ChangeSet();
        if (audit is not null)
        {
            changes.Append(new AuditEvent
            {
                EventId = UniqueIds.NewEventId(),
                EventTime = Now,
                EventSource = "iam.amazonaws.com",
                EventName = eventName,
                AwsRegion = audit.AwsRegion,
                RecipientAccountId = accountId,
                UserIdentity = audit.UserIdentity,
                SourceIpAddress = audit.SourceIpAddress,
                UserAgent = audit.UserAgent,
                RequestParameters = RequestParametersJson.Write(requestParameters),
            });
        }

        return changes;
    }

    /// <summary>Parses a document as IAM would on write; the first refusal becomes the answer.</summary>
    internal static IamError? ValidateDocument(string? json, PolicyKind kind, PolicySizeQuota? quota, bool requireCurrentVersion = false)
    {
        var result = PolicyParser.Parse(json!, new PolicyParseOptions(kind) { Quota = quota, RequireCurrentVersion = requireCurrentVersion });
        if (result.Success)
        {
            return null;
        }

        var first = result.Errors[0];
        return first.Code switch
        {
            PolicyError.LimitExceeded => IamError.LimitExceeded(first.Message),
            PolicyError.MalformedPolicyDocument => IamError.MalformedPolicyDocument(first.Message),
            _ => new IamError(first.Code, first.Message, 400),
        };
    }

    /// <summary>A customer managed policy of the store or an AWS managed one of the snapshot, by ARN.</summary>
    public async Task<Versioned<ManagedPolicy>?> FindPolicyAsync(string arn, CancellationToken cancellationToken = default)
    {
        if (AwsManagedPolicies.TryGet(arn, out var aws))
        {
            return new Versioned<ManagedPolicy>(aws, 0);
        }

        return await Store.GetManagedPolicyByArnAsync(arn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a touch of a customer managed policy's row to <paramref name="changes"/>: a write that names the
    /// policy (as boundary or attachment) then conflicts with a concurrent DeletePolicy, so the reference holds in
    /// the store itself. AWS managed policies (version 0) are not rows and need none.</summary>
    private static ChangeSet Referencing(ChangeSet changes, Versioned<ManagedPolicy>? policy)
    {
        if (policy is { Version: > 0 } p)
        {
            changes.Touch<ManagedPolicy>(EntityKinds.ManagedPolicies, p.Value.AccountId, EntityKinds.NameKey(p.Value.PolicyName), p.Version);
        }

        return changes;
    }

    private static IamError? ValidateOptionalTags(IReadOnlyList<Tag>? tags) => tags is null ? null : Validation.IamNames.Tags(tags);

    private static IReadOnlyList<InlinePolicy> WithInline(IReadOnlyList<InlinePolicy> existing, string name, string document)
    {
        var list = existing.Where(p => !string.Equals(p.PolicyName, name, StringComparison.Ordinal)).ToList();
        list.Add(new InlinePolicy(name, document));
        return list;
    }

    private static int InlineSize(IEnumerable<InlinePolicy> policies, PolicySizeQuota quota) =>
        policies.Sum(p => quota.Measure(p.Document.AsSpan()));
}
