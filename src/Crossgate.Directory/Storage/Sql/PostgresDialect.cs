using System.Data.Common;
using Npgsql;

namespace Crossgate.Directory.Storage.Sql;

public sealed class PostgresDialect : SqlDialect
{
    public static PostgresDialect Instance { get; } = new();

    // "C" collation sorts by bytes like SQLite, so markers and page order agree across stores.
    public override string KeyType => "TEXT COLLATE \"C\"";

    public override string JsonType => "JSONB";

    public override string AutoIncrementPrimaryKey => "BIGSERIAL PRIMARY KEY";

    public override string JsonParameter(string name) => $"CAST({name} AS jsonb)";

    public override string JsonColumn(string column) => $"{column}::text";

    // An arbitrary constant: the advisory lock id that Crossgate migrations take.
    public override string? MigrationLock => "SELECT pg_advisory_xact_lock(7310393)";

    /// <summary>The channel Crossgate servers LISTEN on; a notification is delivered when its transaction commits.</summary>
    public const string ChangeChannel = "crossgate_directory";

    // A notification instead of a counter row: concurrent writers would queue on the row's lock.
    public override string ChangeSignal => $"SELECT pg_notify('{ChangeChannel}', '')";

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
