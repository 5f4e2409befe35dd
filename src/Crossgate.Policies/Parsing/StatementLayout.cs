namespace Crossgate.Policies.Parsing;

/// <summary>Where a statement that read cleanly sits in the JSON, so kind rules applied after reading can still
/// point at the exact fault (e.g. <c>$.Statement[1].Action[2]</c>). The statement itself says which elements were
/// present (a clean statement has a value for every element it carried); the paths are built only when asked for.</summary>
internal readonly struct StatementLayout
{
    private const string StatementPath = "$.Statement";

    public StatementLayout(Statement statement, bool inArray, bool actionIsArray)
    {
        Statement = statement;
        InArray = inArray;
        ActionIsArray = actionIsArray;
    }

    public Statement Statement { get; }

    /// <summary>False when <c>Statement</c> was a single object rather than an array.</summary>
    public bool InArray { get; }

    /// <summary>False when Action/NotAction was a single string.</summary>
    public bool ActionIsArray { get; }

    public bool HasPrincipal => Statement.Principal is not null;

    public string Path => InArray ? JsonPath.Index(StatementPath, Statement.Index) : StatementPath;

    /// <summary>Only meaningful when the statement has a Sid.</summary>
    public string SidPath => JsonPath.Property(Path, "Sid");

    /// <summary>Only meaningful when <see cref="HasPrincipal"/>.</summary>
    public string PrincipalPath => JsonPath.Property(Path, Statement.IsNotPrincipal ? "NotPrincipal" : "Principal");

    public string ActionPath => JsonPath.Property(Path, Statement.IsNotAction ? "NotAction" : "Action");

    /// <summary>Only meaningful when the statement has a Resource or NotResource.</summary>
    public string ResourcePath => JsonPath.Property(Path, Statement.IsNotResource ? "NotResource" : "Resource");

    public string ActionItemPath(int index) => ActionIsArray ? JsonPath.Index(ActionPath, index) : ActionPath;
}
