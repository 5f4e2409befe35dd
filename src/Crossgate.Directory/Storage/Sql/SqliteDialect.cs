using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Crossgate.Directory.Storage.Sql;

public sealed class SqliteDialect : SqlDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override string KeyType => "TEXT";

    public override string JsonType => "TEXT";

    public override string AutoIncrementPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override string JsonParameter(string name) => name;

    public override string JsonColumn(string column) => column;

    // SQLite gives a TEXT value's bytes as stored (UTF-8) to sqlite3_column_blob, which GetBytes reads.
    public override bool ReadsJsonAsUtf8 => true;

    // BEGIN IMMEDIATE already admits one writer at a time.
    public override string? MigrationLock => null;

    // Writers are serialized by BEGIN IMMEDIATE already, so one counter row costs no contention.
    public override string ChangeSignal => $"UPDATE {SchemaMigrations.ChangeCounterTable} SET generation = generation + 1 WHERE id = 1";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
