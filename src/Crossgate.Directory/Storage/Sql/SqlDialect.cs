using System.Data.Common;

namespace Crossgate.Directory.Storage.Sql;

/// <summary>What differs between the SQL databases the directory runs on; the statements are otherwise shared.</summary>
public abstract class SqlDialect
{
    /// <summary>Column type of entity keys; must sort the same way everywhere (byte order).</summary>
    public abstract string KeyType { get; }

    public abstract string JsonType { get; }

    public abstract string AutoIncrementPrimaryKey { get; }

    /// <summary>How a JSON text parameter is written into a JSON column.</summary>
    public abstract string JsonParameter(string name);

    /// <summary>How a JSON column is read back as text.</summary>
    public abstract string JsonColumn(string column);

    /// <summary>Whether <see cref="DbDataReader.GetBytes"/> on a JSON column hands out the stored UTF-8 text, which
    /// can then be deserialized in place instead of through a UTF-16 string.</summary>
    public virtual bool ReadsJsonAsUtf8 => false;

    /// <summary>A statement run first in the migration transaction so that servers starting together migrate one
    /// at a time; null when the transaction itself already serializes writers.</summary>
    public abstract string? MigrationLock { get; }

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Run inside a commit that changes entities, so that other processes learn of it: a notification, or a
    /// change counter they poll.</summary>
    public abstract string ChangeSignal { get; }
}
