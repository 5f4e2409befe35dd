using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization;

/// <summary>What an explained evaluation records along the way: every statement that applied, each layer's
/// verdict, and the condition keys that were needed but absent.</summary>
public sealed class EvaluationTrace
{
    private readonly LayerOutcome[] _outcomes = new LayerOutcome[6];

    public List<MatchedStatement> MatchedStatements { get; } = [];

    public SortedSet<string> MissingContextKeys { get; } = new(StringComparer.Ordinal);

    public LayerOutcome this[PolicyLayer layer]
    {
        get => _outcomes[(int)layer];
        internal set => _outcomes[(int)layer] = value;
    }

    internal void Record(PolicyLayer layer, CompiledPolicy policy, CompiledStatement statement) =>
        MatchedStatements.Add(new MatchedStatement(layer, policy.Name, statement.Index, statement.Sid, statement.Effect));
}
