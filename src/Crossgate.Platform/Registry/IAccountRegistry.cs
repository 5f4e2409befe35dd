namespace Crossgate.Platform.Registry;

/// <summary>The platform's registry of target accounts: SQLite beside the directory's store (one operator), or
/// PostgreSQL (several operators sharing one registry). Aliases are unique ignoring case; every write is one
/// transaction.</summary>
public interface IAccountRegistry
{
    /// <summary>Where it lives, for messages: a file path or <c>postgres:HOST:PORT/DB</c>.</summary>
    string Description { get; }

    /// <summary>Stores a new registration; refuses (with a message) when the alias is taken.</summary>
    Task<string?> AddAsync(RegisteredAccount account, CancellationToken cancellation = default);

    Task<RegisteredAccount?> GetAsync(string alias, CancellationToken cancellation = default);

    /// <summary>Every registration, ordered by alias ignoring case.</summary>
    Task<IReadOnlyList<RegisteredAccount>> ListAsync(CancellationToken cancellation = default);

    /// <summary>Removes a registration; false when the alias is not registered.</summary>
    Task<bool> RemoveAsync(string alias, CancellationToken cancellation = default);

    /// <summary>Keeps the outcome of the latest account check with the registration; false when not registered.</summary>
    Task<bool> RecordCheckAsync(string alias, string summary, DateTimeOffset time, CancellationToken cancellation = default);

    /// <summary>Keeps the outcomes of a whole check run in one transaction; returns the aliases no longer registered.</summary>
    Task<IReadOnlyList<string>> RecordChecksAsync(IReadOnlyList<(string Alias, string Summary)> checks, DateTimeOffset time, CancellationToken cancellation = default);

    Task<RegistryPolicy> GetPolicyAsync(CancellationToken cancellation = default);

    /// <summary>A number that grows with every registration added or removed, by any process sharing the registry:
    /// readers keep what they built from the list until it changes.</summary>
    Task<long> RevisionAsync(CancellationToken cancellation = default);

    /// <summary>Sets the registry's rules; an empty fragment removes the name rule.</summary>
    Task SetPolicyAsync(RegistryPolicy policy, CancellationToken cancellation = default);
}

/// <summary>Opens the registry a command names: <c>--postgres CONNSTRING</c> when given, else <c>DIR/platform.db</c>.</summary>
public static class AccountRegistries
{
    public static async Task<IAccountRegistry> OpenAsync(string? dataDirectory, string? postgresConnectionString, CancellationToken cancellation = default) =>
        string.IsNullOrWhiteSpace(postgresConnectionString)
            ? await AccountRegistry.OpenAsync(dataDirectory, cancellation).ConfigureAwait(false)
            : await PostgresAccountRegistry.OpenAsync(postgresConnectionString, cancellation).ConfigureAwait(false);
}
