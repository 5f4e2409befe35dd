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

    // With a trace reused for many evaluations (see the constructor), the records made so far, by what they record.
    private readonly Dictionary<(PolicyLayer, CompiledPolicy, CompiledStatement), MatchedStatement>? _records;

    public EvaluationTrace()
    {
    }

    /// <param name="reuseRecords">True for a trace cleared and reused across many evaluations (an analysis deciding
    /// hundreds of thousands of requests): a statement matched again in the same layer and policy is recorded with
    /// the same (immutable) <see cref="MatchedStatement"/> instead of a new one.</param>
    public EvaluationTrace(bool reuseRecords)
    {
        if (reuseRecords)
        {
            _records = [];
        }
    }

    internal void Record(PolicyLayer layer, CompiledPolicy policy, CompiledStatement statement)
    {
        if (_records is null)
        {
            MatchedStatements.Add(new MatchedStatement(layer, policy.Name, statement.Index, statement.Sid, statement.Effect));
            return;
        }

        if (!_records.TryGetValue((layer, policy, statement), out var record))
        {
            record = new MatchedStatement(layer, policy.Name, statement.Index, statement.Sid, statement.Effect);
            _records[(layer, policy, statement)] = record;
        }

        MatchedStatements.Add(record);
    }
}
