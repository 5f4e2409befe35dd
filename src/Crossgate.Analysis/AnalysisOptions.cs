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
