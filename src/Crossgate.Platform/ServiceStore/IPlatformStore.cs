namespace Crossgate.Platform.ServiceStore;

/// <summary>What the platform service keeps beside the account registry: API tokens (hashes only), the history of
/// account checks, change events and the permission profile. One contract, two stores: SQLite in the data
/// directory, PostgreSQL for a shared service. Every write is one statement or one transaction.</summary>
public interface IPlatformStore : IAsyncDisposable
{
    /// <summary>Where the store lives, for messages.</summary>
    string Description { get; }

    /// <summary>Stores a token; false when a token of that name (ignoring case) exists.</summary>
    Task<bool> AddTokenAsync(ApiToken token, CancellationToken cancellation = default);

    /// <summary>Every token, ordered by name.</summary>
    Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellation = default);

    /// <summary>The token whose secret hashes to <paramref name="hash"/>, or null.</summary>
    Task<ApiToken?> FindTokenAsync(string hash, CancellationToken cancellation = default);

    /// <summary>Removes a token by name (ignoring case); false when there is none.</summary>
    Task<bool> RevokeTokenAsync(string name, CancellationToken cancellation = default);

    /// <summary>Appends a check to an account's history and returns it with its id.</summary>
    Task<StoredCheck> AddCheckAsync(StoredCheck check, CancellationToken cancellation = default);

    /// <summary>An account's checks (alias ignoring case), newest first.</summary>
    Task<IReadOnlyList<StoredCheck>> ListChecksAsync(string alias, int limit, CancellationToken cancellation = default);

    /// <summary>The newest check of every account that has one, keyed by alias (ignoring case).</summary>
    Task<IReadOnlyDictionary<string, StoredCheck>> LatestChecksAsync(CancellationToken cancellation = default);

    /// <summary>A number that grows with every check added or history removed, by any process sharing the store:
    /// readers keep what they built from the latest checks until it changes.</summary>
    Task<long> ChecksRevisionAsync(CancellationToken cancellation = default);

    /// <summary>Forgets an account's checks and events (when it is removed from the registry).</summary>
    Task RemoveAccountHistoryAsync(string alias, CancellationToken cancellation = default);

    Task AddEventsAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellation = default);

    /// <summary>Change events, newest first.</summary>
    Task<IReadOnlyList<PlatformEvent>> ListEventsAsync(int limit, CancellationToken cancellation = default);

    /// <summary>The permission profile (an IAM policy document), or null until one is stored.</summary>
    Task<string?> GetPermissionsAsync(CancellationToken cancellation = default);

    Task SetPermissionsAsync(string document, CancellationToken cancellation = default);
}
