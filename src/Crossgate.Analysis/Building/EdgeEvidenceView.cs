using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Building;

/// <summary>The engine's allowing decision for an action at the end of a path: what it still needs, which statements.</summary>
public sealed record EdgeEvidenceView(string Action, IReadOnlyList<string> Requires, IReadOnlyList<StatementReference> Statements);
