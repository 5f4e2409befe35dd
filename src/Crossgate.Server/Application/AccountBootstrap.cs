using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;

namespace Crossgate.Server.Application;

/// <summary>Makes an account that someone can sign in to: the account (standalone, outside any organization) and an
/// access key of its root user, which has full access within its own account.</summary>
public static class AccountBootstrap
{
    /// <summary>The management account's id when <c>--account-id</c> is not given: AWS's documentation example id,
    /// kept apart from the ids of the example organization (111111111111 to 444444444444).</summary>
    public const string DefaultManagementAccountId = "123456789012";

    /// <summary>Creates the account and a root key in one transaction; null when the account exists already (nothing
    /// is changed). <paramref name="beforeCommit"/> is given the key before the store holds it (e.g. to write the
    /// credentials file): a process killed at any moment leaves either no account, which the next start creates
    /// afresh, or an account whose key was already handed over.</summary>
    public static async Task<AccessKey?> CreateAsync(CrossgateServices services, string accountId, string name, Action<AccessKey>? beforeCommit = null, CancellationToken cancellationToken = default)
    {
        if (await services.Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        if (!Crossgate.Directory.Validation.IamNames.IsAccountId(accountId))
        {
            throw new InvalidOperationException($"Account id {accountId} is not 12 digits.");
        }

        var key = RootAccessKeys.New(accountId, services.Time);
        beforeCommit?.Invoke(key);
        var changes = new ChangeSet()
            .Insert(EntityKinds.Accounts, new Account { Id = accountId, Name = name })
            .Insert(EntityKinds.AccessKeys, key);
        var result = await services.Store.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
        if (!result.Success)
        {
            // Another process created the account in the meantime; its key is the one that counts.
            return null;
        }

        return key;
    }

    /// <summary>A random 12-digit id not yet taken in the store.</summary>
    public static async Task<string> NewAccountIdAsync(IDirectoryStore store, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var id = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            id = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture) + id;
            if (await store.GetAccountAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                return id;
            }
        }
    }
}
