using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Building;

/// <summary>What an allowed decision leaves on its edge: the conditions it still needs and the allowing statements.</summary>
internal sealed record EdgeEvidence(IReadOnlyList<string> Requires, IReadOnlyList<StatementReference> Statements);
