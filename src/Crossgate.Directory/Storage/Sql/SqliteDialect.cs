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

    // BEGIN IMMEDIATE already admits one writer at a time.
    public override string? MigrationLock => null;

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19 };
}
