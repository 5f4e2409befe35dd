using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Findings;

/// <summary>One problem of the store's cross-account access: a stable id (rule and subject), how bad, the principals
/// concerned, the evidence path and the fix.</summary>
public sealed record Finding(string Id, string Severity, string Title, IReadOnlyList<string> Principals, IReadOnlyList<AccessEdge> Path, string Fix);

public sealed record FindingsResult(IReadOnlyList<Finding> Findings);

public static class Severities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static int Rank(string severity) => severity switch { High => 0, Medium => 1, _ => 2 };
}
