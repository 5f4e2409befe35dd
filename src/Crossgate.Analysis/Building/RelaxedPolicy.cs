using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>A policy as the analysis hands it to the engine: allowing statements without the conditions the store
/// cannot settle (kept as texts, by statement index, to go on the edge), and denying statements with such
/// conditions set aside (the request might avoid them; if they would apply, that is a requirement too).</summary>
internal sealed class RelaxedPolicy
{
    public required CompiledPolicy Policy { get; init; }

    public IReadOnlyDictionary<int, string[]> Requires { get; init; } = new Dictionary<int, string[]>();

    public IReadOnlyList<(CompiledStatement Statement, string Text)> SetAside { get; init; } = [];
}
