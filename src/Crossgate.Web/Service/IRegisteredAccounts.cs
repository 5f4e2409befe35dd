using Crossgate.Platform.Registry;

namespace Crossgate.Web.Service;

/// <summary>The account registry as the service uses it. One adapter per registry implementation keeps the web
/// layer independent of where registrations are stored.</summary>
public interface IRegisteredAccounts
{
    Task<IReadOnlyList<RegisteredAccount>> ListAsync(CancellationToken cancellation);

    Task<RegisteredAccount?> GetAsync(string alias, CancellationToken cancellation);

    /// <summary>Stores a registration; a message when the alias is taken.</summary>
    Task<string?> AddAsync(RegisteredAccount account, CancellationToken cancellation);

    Task<bool> RemoveAsync(string alias, CancellationToken cancellation);

    Task<RegistryPolicy> GetPolicyAsync(CancellationToken cancellation);

    Task RecordCheckAsync(string alias, string summary, DateTimeOffset time, CancellationToken cancellation);

    /// <summary>Grows with every registration added or removed, by any process.</summary>
    Task<long> RevisionAsync(CancellationToken cancellation);
}

/// <summary>The platform's registry (SQLite in <c>DIR/platform.db</c>, or PostgreSQL).</summary>
public sealed class RegistryAccounts(IAccountRegistry registry) : IRegisteredAccounts
{
    public Task<IReadOnlyList<RegisteredAccount>> ListAsync(CancellationToken cancellation) => registry.ListAsync(cancellation);

    public Task<RegisteredAccount?> GetAsync(string alias, CancellationToken cancellation) => registry.GetAsync(alias, cancellation);

    public Task<string?> AddAsync(RegisteredAccount account, CancellationToken cancellation) => registry.AddAsync(account, cancellation);

    public Task<bool> RemoveAsync(string alias, CancellationToken cancellation) => registry.RemoveAsync(alias, cancellation);

    public Task<RegistryPolicy> GetPolicyAsync(CancellationToken cancellation) => registry.GetPolicyAsync(cancellation);

    public Task RecordCheckAsync(string alias, string summary, DateTimeOffset time, CancellationToken cancellation) =>
        registry.RecordCheckAsync(alias, summary, time, cancellation);

    public Task<long> RevisionAsync(CancellationToken cancellation) => registry.RevisionAsync(cancellation);
}
