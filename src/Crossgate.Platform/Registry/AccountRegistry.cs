using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Crossgate.Platform.Registry;

/// <summary>The platform's registry of target accounts, in its own SQLite file <c>DIR/platform.db</c> beside the
/// directory's store. Every write is one transaction (WAL, <c>synchronous=FULL</c>), so an interrupted command leaves
/// the registry as it was or with the write complete. Aliases are unique ignoring case.</summary>
public sealed class AccountRegistry : IAccountRegistry
{
    public const string FileName = "platform.db";
    public const string DefaultDataDirectory = ".crossgate";

    private const string RoleNameFragmentSetting = "require_role_name_contains";

    /// <summary>Counts additions and removals in the same transaction as the write (see <see cref="RevisionAsync"/>).</summary>
    private const string BumpRevision =
        "INSERT INTO registry_settings (name, value) VALUES ('revision', '1') " +
        "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(registry_settings.value AS INTEGER) + 1 AS TEXT)";

    private readonly string _connectionString;

    private AccountRegistry(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, DefaultTimeout = 30 }.ToString();
    }

    public string Path { get; }

    public string Description => Path;

    /// <summary>Opens (creating when absent) the registry in <paramref name="dataDirectory"/> (default <c>./.crossgate/</c>).</summary>
    public static async Task<AccountRegistry> OpenAsync(string? dataDirectory, CancellationToken cancellation = default)
    {
        var folder = string.IsNullOrWhiteSpace(dataDirectory) ? DefaultDataDirectory : dataDirectory;
        System.IO.Directory.CreateDirectory(folder);
        var registry = new AccountRegistry(System.IO.Path.Combine(folder, FileName));
        await using var connection = await registry.ConnectAsync(cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS registered_accounts (alias TEXT NOT NULL PRIMARY KEY COLLATE NOCASE, role_arn TEXT NOT NULL, doc TEXT NOT NULL)",
            cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS registry_settings (name TEXT NOT NULL PRIMARY KEY, value TEXT NULL)", cancellation).ConfigureAwait(false);
        return registry;
    }

    /// <summary>Stores a new registration; refuses (with a message) when the alias is taken.</summary>
    public async Task<string?> AddAsync(RegisteredAccount account, CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var existing = await ReadAsync(connection, transaction, account.Alias, cancellation).ConfigureAwait(false);
        if (existing is not null)
        {
            return $"The alias '{account.Alias}' is already registered for {existing.RoleArn}; remove it first or choose another alias.";
        }

        await using var command = Command(connection, transaction,
            "INSERT INTO registered_accounts (alias, role_arn, doc) VALUES (@alias, @arn, @doc)");
        command.Parameters.AddWithValue("@alias", account.Alias);
        command.Parameters.AddWithValue("@arn", account.RoleArn);
        command.Parameters.AddWithValue("@doc", JsonSerializer.Serialize(account, RegistryJsonContext.Default.RegisteredAccount));
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, BumpRevision, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return null;
    }

    public async Task<RegisteredAccount?> GetAsync(string alias, CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        return await ReadAsync(connection, null, alias, cancellation).ConfigureAwait(false);
    }

    /// <summary>Every registration, ordered by alias.</summary>
    public async Task<IReadOnlyList<RegisteredAccount>> ListAsync(CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT doc FROM registered_accounts ORDER BY alias COLLATE NOCASE");
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var accounts = new List<RegisteredAccount>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            accounts.Add(JsonSerializer.Deserialize(reader.GetString(0), RegistryJsonContext.Default.RegisteredAccount)!);
        }

        return accounts;
    }

    /// <summary>Removes a registration; false when the alias is not registered.</summary>
    public async Task<bool> RemoveAsync(string alias, CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, transaction, "DELETE FROM registered_accounts WHERE alias = @alias");
        command.Parameters.AddWithValue("@alias", alias);
        if (await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 0)
        {
            return false;
        }

        await ExecuteAsync(connection, transaction, BumpRevision, cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return true;
    }

    public async Task<long> RevisionAsync(CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT value FROM registry_settings WHERE name = 'revision'");
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string value
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    /// <summary>Keeps the outcome of the latest account check with the registration.</summary>
    public async Task<bool> RecordCheckAsync(string alias, string summary, DateTimeOffset time, CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        var existing = await ReadAsync(connection, transaction, alias, cancellation).ConfigureAwait(false);
        if (existing is null)
        {
            return false;
        }

        await using var command = Command(connection, transaction, "UPDATE registered_accounts SET doc = @doc WHERE alias = @alias");
        command.Parameters.AddWithValue("@alias", alias);
        command.Parameters.AddWithValue("@doc", JsonSerializer.Serialize(existing with { LastCheckSummary = summary, LastCheckTime = time }, RegistryJsonContext.Default.RegisteredAccount));
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<string>> RecordChecksAsync(IReadOnlyList<(string Alias, string Summary)> checks, DateTimeOffset time, CancellationToken cancellation = default)
    {
        var gone = new List<string>();
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var (alias, summary) in checks)
        {
            var existing = await ReadAsync(connection, transaction, alias, cancellation).ConfigureAwait(false);
            if (existing is null)
            {
                gone.Add(alias);
                continue;
            }

            await using var command = Command(connection, transaction, "UPDATE registered_accounts SET doc = @doc WHERE alias = @alias");
            command.Parameters.AddWithValue("@alias", alias);
            command.Parameters.AddWithValue("@doc", JsonSerializer.Serialize(existing with { LastCheckSummary = summary, LastCheckTime = time }, RegistryJsonContext.Default.RegisteredAccount));
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return gone;
    }

    public async Task<RegistryPolicy> GetPolicyAsync(CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT value FROM registry_settings WHERE name = @name");
        command.Parameters.AddWithValue("@name", RoleNameFragmentSetting);
        var value = await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false);
        return new RegistryPolicy(value as string);
    }

    /// <summary>Sets the registry's rules; an empty fragment removes the name rule. Existing registrations are kept
    /// as they are (the rule applies to new ones).</summary>
    public async Task SetPolicyAsync(RegistryPolicy policy, CancellationToken cancellation = default)
    {
        await using var connection = await ConnectAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, null,
            "INSERT INTO registry_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value");
        command.Parameters.AddWithValue("@name", RoleNameFragmentSetting);
        command.Parameters.AddWithValue("@value", string.IsNullOrEmpty(policy.RequireRoleNameContains) ? DBNull.Value : policy.RequireRoleNameContains);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    private async Task<SqliteConnection> ConnectAsync(CancellationToken cancellation)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellation).ConfigureAwait(false);
        await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000", cancellation).ConfigureAwait(false);
        return connection;
    }

    private static async Task<RegisteredAccount?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string alias, CancellationToken cancellation)
    {
        await using var command = Command(connection, transaction, "SELECT doc FROM registered_accounts WHERE alias = @alias");
        command.Parameters.AddWithValue("@alias", alias);
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string doc
            ? JsonSerializer.Deserialize(doc, RegistryJsonContext.Default.RegisteredAccount)
            : null;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellation)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }
}
