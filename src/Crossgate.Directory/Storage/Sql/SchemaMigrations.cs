namespace Crossgate.Directory.Storage.Sql;

/// <summary>The schema, as numbered migrations applied in order on open and recorded in <c>schema_migrations</c>.
/// Append new migrations; never edit an applied one.</summary>
public static class SchemaMigrations
{
    public sealed record Migration(int Version, string Description, Func<SqlDialect, IReadOnlyList<string>> Statements);

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "entity tables and audit events", CreateTables),
        new(2, "change counter for in-memory views", _ =>
        [
            $"CREATE TABLE {ChangeCounterTable} (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL)",
            $"INSERT INTO {ChangeCounterTable} (id, generation) VALUES (1, 0)",
        ]),
    ];

    /// <summary>One row counting commits that changed entities (SQLite), so that other processes notice them.</summary>
    public const string ChangeCounterTable = "directory_changes";

    public static int Latest => All[^1].Version;

    public static string CreateMigrationsTable =>
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)";

    private static IReadOnlyList<string> CreateTables(SqlDialect dialect)
    {
        var statements = new List<string>();
        foreach (var kind in EntityKinds.All)
        {
            var t = kind.Table;
            statements.Add(
                $"CREATE TABLE {t} (scope {dialect.KeyType} NOT NULL, entity_key {dialect.KeyType} NOT NULL, " +
                $"unique_id TEXT NULL, owner_key TEXT NULL, path TEXT NULL, doc {dialect.JsonType} NOT NULL, " +
                "version BIGINT NOT NULL, PRIMARY KEY (scope, entity_key))");
            statements.Add($"CREATE UNIQUE INDEX {t}_unique_id ON {t} (unique_id)");
            statements.Add($"CREATE INDEX {t}_owner ON {t} (scope, owner_key)");
        }

        statements.Add(
            $"CREATE TABLE audit_events (seq {dialect.AutoIncrementPrimaryKey}, event_time_ms BIGINT NOT NULL, " +
            $"account TEXT NULL, event_source TEXT NOT NULL, event_name TEXT NOT NULL, doc {dialect.JsonType} NOT NULL)");
        statements.Add("CREATE INDEX audit_events_time ON audit_events (event_time_ms)");
        statements.Add("CREATE INDEX audit_events_account ON audit_events (account, seq)");
        return statements;
    }
}
