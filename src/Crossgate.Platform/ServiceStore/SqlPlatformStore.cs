using System.Collections.Immutable;
using System.Data.Common;
using System.Text.Json;

namespace Crossgate.Platform.ServiceStore;

/// <summary>The SQL both stores share: times as Unix milliseconds, booleans as 0/1, aliases and token names matched
/// through a lower-cased key column, a check's groups as one JSON column. Subclasses open connections and create the
/// tables in their own dialect.</summary>
public abstract class SqlPlatformStore : IPlatformStore
{
    private const string PermissionsSetting = "permission_profile";
    private const string CheckColumns = "id, alias, started_at, finished_at, assumable, reason, verdict, groups";
    private const string ChecksRevisionSetting = "checks_revision";

    /// <summary>Counts changes to the check history in the same transaction as the change (see
    /// <see cref="ChecksRevisionAsync"/>); the upsert's row lock orders concurrent writers on PostgreSQL.</summary>
    private const string BumpChecksRevision =
        "INSERT INTO platform_settings (name, value) VALUES ('" + ChecksRevisionSetting + "', '1') " +
        "ON CONFLICT (name) DO UPDATE SET value = CAST(CAST(platform_settings.value AS BIGINT) + 1 AS TEXT)";

    private const string EventColumns = "id, at, alias, kind, sid, from_value, to_value, message";

    public abstract string Description { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellation);

    public abstract ValueTask DisposeAsync();

    public async Task<bool> AddTokenAsync(ApiToken token, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO platform_tokens (name_key, name, hash, read_only, created_at) VALUES (@key, @name, @hash, @ro, @at) ON CONFLICT (name_key) DO NOTHING",
            ("@key", Key(token.Name)), ("@name", token.Name), ("@hash", token.Hash), ("@ro", token.ReadOnly ? 1 : 0), ("@at", Millis(token.CreatedAt)));
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    public async Task<IReadOnlyList<ApiToken>> ListTokensAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT name, hash, read_only, created_at FROM platform_tokens ORDER BY name_key");
        return await ReadAllAsync(command, ReadToken, cancellation).ConfigureAwait(false);
    }

    public async Task<ApiToken?> FindTokenAsync(string hash, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT name, hash, read_only, created_at FROM platform_tokens WHERE hash = @hash", ("@hash", hash));
        var found = await ReadAllAsync(command, ReadToken, cancellation).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<bool> RevokeTokenAsync(string name, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, "DELETE FROM platform_tokens WHERE name_key = @key", ("@key", Key(name)));
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) > 0;
    }

    public async Task<StoredCheck> AddCheckAsync(StoredCheck check, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO platform_checks (alias_key, alias, started_at, finished_at, assumable, reason, verdict, groups) " +
            "VALUES (@key, @alias, @started, @finished, @assumable, @reason, @verdict, @groups) RETURNING id",
            ("@key", Key(check.Alias)), ("@alias", check.Alias), ("@started", Millis(check.StartedAt)), ("@finished", Millis(check.FinishedAt)),
            ("@assumable", check.Assumable ? 1 : 0), ("@reason", check.Reason), ("@verdict", check.Verdict),
            ("@groups", JsonSerializer.Serialize(check.Groups, PlatformStoreJsonContext.Default.ImmutableArrayStoredGroup)));
        command.Transaction = transaction;
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        await using var bump = Command(connection, BumpChecksRevision);
        bump.Transaction = transaction;
        await bump.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
        return check with { Id = id };
    }

    public async Task<IReadOnlyList<StoredCheck>> ListChecksAsync(string alias, int limit, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {CheckColumns} FROM platform_checks WHERE alias_key = @key ORDER BY id DESC LIMIT @limit", ("@key", Key(alias)), ("@limit", limit));
        return await ReadAllAsync(command, ReadCheck, cancellation).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, StoredCheck>> LatestChecksAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection,
            $"SELECT {CheckColumns} FROM platform_checks WHERE id IN (SELECT MAX(id) FROM platform_checks GROUP BY alias_key)");
        var checks = await ReadAllAsync(command, ReadCheck, cancellation).ConfigureAwait(false);
        var latest = new Dictionary<string, StoredCheck>(checks.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var check in checks)
        {
            latest[check.Alias] = check;
        }

        return latest;
    }

    public async Task RemoveAccountHistoryAsync(string alias, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var table in new[] { "platform_checks", "platform_events" })
        {
            await using var command = Command(connection, $"DELETE FROM {table} WHERE alias_key = @key", ("@key", Key(alias)));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await using var bump = Command(connection, BumpChecksRevision);
        bump.Transaction = transaction;
        await bump.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    public async Task<long> ChecksRevisionAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT value FROM platform_settings WHERE name = @name", ("@name", ChecksRevisionSetting));
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is string value
            ? long.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }

    public async Task AddEventsAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellation = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellation).ConfigureAwait(false);
        foreach (var change in events)
        {
            await using var command = Command(connection,
                "INSERT INTO platform_events (alias_key, at, alias, kind, sid, from_value, to_value, message) VALUES (@key, @at, @alias, @kind, @sid, @from, @to, @message)",
                ("@key", Key(change.Alias)), ("@at", Millis(change.Time)), ("@alias", change.Alias), ("@kind", change.Kind), ("@sid", change.Sid),
                ("@from", change.From), ("@to", change.To), ("@message", change.Message));
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellation).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PlatformEvent>> ListEventsAsync(int limit, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, $"SELECT {EventColumns} FROM platform_events ORDER BY id DESC LIMIT @limit", ("@limit", limit));
        return await ReadAllAsync(command, ReadEvent, cancellation).ConfigureAwait(false);
    }

    public async Task<string?> GetPermissionsAsync(CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection, "SELECT value FROM platform_settings WHERE name = @name", ("@name", PermissionsSetting));
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) as string;
    }

    public async Task SetPermissionsAsync(string document, CancellationToken cancellation = default)
    {
        await using var connection = await OpenAsync(cancellation).ConfigureAwait(false);
        await using var command = Command(connection,
            "INSERT INTO platform_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            ("@name", PermissionsSetting), ("@value", document));
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>The tables, in SQL both dialects accept once <paramref name="identity"/> (the auto-numbered key
    /// column's type) is filled in.</summary>
    protected static IEnumerable<string> Schema(string identity) =>
    [
        "CREATE TABLE IF NOT EXISTS platform_tokens (name_key TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL UNIQUE, read_only INTEGER NOT NULL, created_at BIGINT NOT NULL)",
        $"CREATE TABLE IF NOT EXISTS platform_checks (id {identity}, alias_key TEXT NOT NULL, alias TEXT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT NOT NULL, " +
        "assumable INTEGER NOT NULL, reason TEXT NULL, verdict TEXT NOT NULL, groups TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS platform_checks_by_alias ON platform_checks (alias_key, id)",
        $"CREATE TABLE IF NOT EXISTS platform_events (id {identity}, alias_key TEXT NOT NULL, at BIGINT NOT NULL, alias TEXT NOT NULL, kind TEXT NOT NULL, sid TEXT NULL, " +
        "from_value TEXT NOT NULL, to_value TEXT NOT NULL, message TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS platform_settings (name TEXT NOT NULL PRIMARY KEY, value TEXT NULL)",
    ];

    protected async Task CreateSchemaAsync(DbConnection connection, string identity, CancellationToken cancellation)
    {
        foreach (var sql in Schema(identity))
        {
            await using var command = Command(connection, sql);
            await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
        }
    }

    private static string Key(string name) => name.ToLowerInvariant();

    private static long Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    private static DateTimeOffset Time(DbDataReader reader, int column) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(column));

    private static bool Flag(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) != 0;

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    private static ApiToken ReadToken(DbDataReader r) => new(r.GetString(0), r.GetString(1), Flag(r, 2), Time(r, 3));

    private static StoredCheck ReadCheck(DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), Time(r, 2), Time(r, 3), Flag(r, 4), Text(r, 5), r.GetString(6),
        JsonSerializer.Deserialize(r.GetString(7), PlatformStoreJsonContext.Default.ImmutableArrayStoredGroup));

    private static PlatformEvent ReadEvent(DbDataReader r) =>
        new(r.GetInt64(0), Time(r, 1), r.GetString(2), r.GetString(3), Text(r, 4), r.GetString(5), r.GetString(6), r.GetString(7));

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellation)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static DbCommand Command(DbConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
