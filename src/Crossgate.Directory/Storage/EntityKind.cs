namespace Crossgate.Directory.Storage;

/// <summary>One kind of stored entity: its table, and how an entity yields its scope (usually the account), its key
/// (unique within the scope; names are folded to lower case because IAM names are unique ignoring case), a globally
/// unique id for lookups (<c>AIDA…</c>, <c>AKIA…</c>), an owner for listings by owner, and a path for prefix lists.</summary>
public abstract class EntityKind
{
    private protected EntityKind(string table) => Table = table;

    public string Table { get; }

    /// <summary>Top-level string fields of the stored document that hold secrets: sealed at rest by the store.</summary>
    public IReadOnlyList<string> SecretFields { get; private protected init; } = [];

    public override string ToString() => Table;
}

public sealed class EntityKind<T> : EntityKind
    where T : class
{
    private readonly Func<T, string> _scope;
    private readonly Func<T, string> _key;
    private readonly Func<T, string?> _uniqueId;
    private readonly Func<T, string?> _owner;
    private readonly Func<T, string?> _path;

    public EntityKind(
        string table,
        Func<T, string> scope,
        Func<T, string> key,
        Func<T, string?>? uniqueId = null,
        Func<T, string?>? owner = null,
        Func<T, string?>? path = null,
        IReadOnlyList<string>? secrets = null)
        : base(table)
    {
        SecretFields = secrets ?? [];
        _scope = scope;
        _key = key;
        _uniqueId = uniqueId ?? (_ => null);
        _owner = owner ?? (_ => null);
        _path = path ?? (_ => null);
    }

    public string ScopeOf(T entity) => _scope(entity);

    public string KeyOf(T entity) => _key(entity);

    public string? UniqueIdOf(T entity) => _uniqueId(entity);

    public string? OwnerOf(T entity) => _owner(entity);

    public string? PathOf(T entity) => _path(entity);
}
