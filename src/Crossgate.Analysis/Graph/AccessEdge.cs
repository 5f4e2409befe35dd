namespace Crossgate.Analysis.Graph;

/// <summary>One way from a principal to another: how (<see cref="Kind"/>, <see cref="Action"/>, the pathfinding.cloud
/// <see cref="Technique"/>), under which conditions the store cannot settle (<see cref="Requires"/>), and which
/// statements allowed it.</summary>
public sealed record AccessEdge(
    int From,
    int To,
    EdgeKind Kind,
    string Action,
    string? Technique,
    IReadOnlyList<string> Requires,
    IReadOnlyList<StatementReference> Statements)
{
    /// <summary>A fact worth knowing that is no condition, such as the one-hour limit of role chaining.</summary>
    public string? Note { get; init; }

    public bool IsConditional => Requires.Count > 0;
}
