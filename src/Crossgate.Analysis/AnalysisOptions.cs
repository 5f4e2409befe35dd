using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis;

/// <summary>What the caller settles for the whole analysis: condition-key values (<c>--context KEY=VALUE</c>) that
/// the store cannot know. With a value the engine decides; without one the edge carries the condition.</summary>
public sealed class AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    public IReadOnlyDictionary<string, string> Context { get; init; } = new Dictionary<string, string>();

    /// <summary>Decide on this many threads (default: one per core).</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>For differential tests only: no candidate pre-filter. Every principal of the store is put to the engine
    /// for every role and every escalation action, whatever trust policies name and identity policies allow, so the
    /// indexed build can be compared with the full scan.</summary>
    internal bool FullScan { get; init; }

    internal ContextKeys? ContextKeys()
    {
        if (Context.Count == 0)
        {
            return null;
        }

        var keys = new ContextKeys(Context.Count);
        foreach (var (key, value) in Context)
        {
            keys.Set(key, value);
        }

        return keys;
    }
}
