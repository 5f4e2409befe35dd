using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Application;

/// <summary>Access keys of an account's root user. The directory models keys as belonging to an IAM user, so a root
/// key is stored as the key of a pseudo-user whose name no IAM user can have (IAM names only allow
/// <c>[\w+=,.@-]</c>); the credential resolver turns it into the root principal.</summary>
public static class RootAccessKeys
{
    /// <summary>The owner name marking a root key; the angle brackets keep it out of IAM's name space.</summary>
    public const string OwnerName = "<root>";

    public static bool IsRootKey(AccessKey key) => string.Equals(key.UserName, OwnerName, StringComparison.Ordinal);

    /// <summary>Creates and stores a new <c>AKIA…</c> key for the root user of <paramref name="accountId"/>.</summary>
    public static async Task<AccessKey> CreateAsync(IDirectoryStore store, string accountId, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var key = New(accountId, time);
        var result = await store.CommitAsync(new ChangeSet().Insert(EntityKinds.AccessKeys, key), cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            throw new InvalidOperationException($"Could not store the root access key of account {accountId}: {result.Reason}.");
        }

        return key;
    }

    /// <summary>A new root key, not yet stored.</summary>
    public static AccessKey New(string accountId, TimeProvider? time = null) => new()
    {
        AccountId = accountId,
        UserName = OwnerName,
        AccessKeyId = UniqueIds.NewAccessKeyId(),
        SecretAccessKey = UniqueIds.NewSecretAccessKey(),
        CreateDate = (time ?? TimeProvider.System).GetUtcNow(),
    };
}
