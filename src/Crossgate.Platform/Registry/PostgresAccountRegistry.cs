using System.Text.Json;
using Npgsql;

namespace Crossgate.Platform.Registry;

/// <summary>The registry in PostgreSQL, so that several operators share one: tables
/// <c>platform_registered_accounts</c> (keyed by the lower-cased alias, so aliases are unique ignoring case) and
/// <c>platform_registry_settings</c>, created on first open under an advisory lock (operators opening together
/// create them once). Each write is one transaction; a registration is the same JSON document as in SQLite.</summary>
public sealed class PostgresAccountRegistry : IAccountRegistry, IAsyncDisposable
{
    private const string RoleNameFragmentSetting = "require_role_name_contains";

    /// <summary>Completed by the name of a CTE that returns a row when a registration was added or removed: counts it
    /// in the same statement (see <see cref="RevisionAsync"/>).</summary>
    private const string BumpRevisionAfter =
        "INSERT INTO platform_registry_settings (name, value) SELECT 'revision', '1' FROM ";

    // Any constant shared by every opener; "crossgate-platform" in ASCII, folded to 64 bits.
    private const string RevisionConflict =
        " ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(platform_registry_settings.value AS BIGINT) + 1 AS TEXT)";

    private const long SchemaLock = 0x63726F7373676174;

    private readonly NpgsqlDataSource _dataSource;

    private PostgresAccountRegistry(NpgsqlDataSource dataSource, string description)
    {
        _dataSource = dataSource;
        Description = description;
    }

    public string Description { get; }

    public static async Task<PostgresAccountRegistry> OpenAsync(string connectionString, CancellationToken cancellation = default)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var registry = new PostgresAccountRegistry(NpgsqlDataSource.Create(builder), $"postgres:{builder.Host}:{builder.Port}/{builder.Database}");
        await using var connection = await registry._dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(
            """
            SELECT pg_advisory_xact_lock(@lock);
            CREATE TABLE IF NOT EXISTS platform_registered_accounts (alias_key TEXT PRIMARY KEY, alias TEXT NOT NULL, role_arn TEXT NOT NULL, doc TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS platform_registry_settings (name TEXT PRIMARY KEY, value TEXT NULL);
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("lock", SchemaLock);
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return registry;
    }

    public async Task<string?> AddAsync(RegisteredAccount account, CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "WITH added AS (INSERT INTO platform_registered_accounts (alias_key, alias, role_arn, doc) VALUES (@key, @alias, @arn, @doc) " +
            "ON CONFLICT (alias_key) DO NOTHING RETURNING 1) " + BumpRevisionAfter + "added" + RevisionConflict,
            connection);
        command.Parameters.AddWithValue("key", Key(account.Alias));
        command.Parameters.AddWithValue("alias", account.Alias);
        command.Parameters.AddWithValue("arn", account.RoleArn);
        command.Parameters.AddWithValue("doc", JsonSerializer.Serialize(account, RegistryJsonContext.Default.RegisteredAccount));
        if (await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1)
        {
            return null;
        }

        var existing = await GetAsync(account.Alias, cancellation).ConfigureAwait(false);
        return $"The alias '{account.Alias}' is already registered for {existing?.RoleArn ?? "another role"}; remove it first or choose another alias.";
    }

    public async Task<RegisteredAccount?> GetAsync(string alias, CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT doc FROM platform_registered_accounts WHERE alias_key = @key", connection);
        command.Parameters.AddWithValue("key", Key(alias));
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string doc ? Read(doc) : null;
    }

    public async Task<IReadOnlyList<RegisteredAccount>> ListAsync(CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT doc FROM platform_registered_accounts ORDER BY alias_key COLLATE \"C\"", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var accounts = new List<RegisteredAccount>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            accounts.Add(Read(reader.GetString(0)));
        }

        return accounts;
    }

    public async Task<bool> RemoveAsync(string alias, CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "WITH removed AS (DELETE FROM platform_registered_accounts WHERE alias_key = @key RETURNING 1) " + BumpRevisionAfter + "removed" + RevisionConflict, connection);
        command.Parameters.AddWithValue("key", Key(alias));
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) > 0;
    }

    public async Task<long> RevisionAsync(CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT value FROM platform_registry_settings WHERE name = 'revision'", connection);
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string value
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    public async Task<bool> RecordCheckAsync(string alias, string summary, DateTimeOffset time, CancellationToken cancellation = default) =>
        (await RecordChecksAsync([(alias, summary)], time, cancellation).ConfigureAwait(false)).Count == 0;

    public async Task<IReadOnlyList<string>> RecordChecksAsync(IReadOnlyList<(string Alias, string Summary)> checks, DateTimeOffset time, CancellationToken cancellation = default)
    {
        var gone = new List<string>();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var (alias, summary) in checks)
        {
            RegisteredAccount existing;
            await using (var select = new NpgsqlCommand("SELECT doc FROM platform_registered_accounts WHERE alias_key = @key FOR UPDATE", connection, transaction))
            {
                select.Parameters.AddWithValue("key", Key(alias));
                if (await select.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is not string doc)
                {
                    gone.Add(alias);
                    continue;
                }

                existing = Read(doc);
            }

            await using var update = new NpgsqlCommand("UPDATE platform_registered_accounts SET doc = @doc WHERE alias_key = @key", connection, transaction);
            update.Parameters.AddWithValue("key", Key(alias));
            update.Parameters.AddWithValue("doc", JsonSerializer.Serialize(existing with { LastCheckSummary = summary, LastCheckTime = time }, RegistryJsonContext.Default.RegisteredAccount));
            await update.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return gone;
    }

    public async Task<RegistryPolicy> GetPolicyAsync(CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT value FROM platform_registry_settings WHERE name = @name", connection);
        command.Parameters.AddWithValue("name", RoleNameFragmentSetting);
        return new RegistryPolicy(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) as string);
    }

    public async Task SetPolicyAsync(RegistryPolicy policy, CancellationToken cancellation = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellation).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "INSERT INTO platform_registry_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value", connection);
        command.Parameters.AddWithValue("name", RoleNameFragmentSetting);
        command.Parameters.AddWithValue("value", string.IsNullOrEmpty(policy.RequireRoleNameContains) ? DBNull.Value : policy.RequireRoleNameContains);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // SQLite's NOCASE folds ASCII letters only; so does this, so both registries agree on which aliases clash.
    private static string Key(string alias) => string.Create(alias.Length, alias, (span, a) =>
    {
        for (var i = 0; i < a.Length; i++)
        {
            span[i] = char.IsAsciiLetterUpper(a[i]) ? (char)(a[i] | 0x20) : a[i];
        }
    });

    private static RegisteredAccount Read(string doc) => JsonSerializer.Deserialize(doc, RegistryJsonContext.Default.RegisteredAccount)!;
}
