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

    /// <summary>Creates the account and a root key; null when the account exists already (nothing is changed).</summary>
    public static async Task<AccessKey?> CreateAsync(CrossgateServices services, string accountId, string name, CancellationToken cancellationToken = default)
    {
        if (await services.Store.GetAccountAsync(accountId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var account = await services.Organizations.CreateStandaloneAccountAsync(accountId, name, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!account.Success)
        {
            throw new InvalidOperationException(account.Error.Message);
        }

        return await RootAccessKeys.CreateAsync(services.Store, accountId, services.Time, cancellationToken).ConfigureAwait(false);
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
