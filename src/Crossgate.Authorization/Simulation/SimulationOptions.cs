namespace Crossgate.Authorization.Simulation;

/// <summary>How <c>crossgate simulate</c> answers beyond AWS's yes or no.</summary>
public sealed record SimulationOptions
{
    public static readonly SimulationOptions Default = new();

    /// <summary>Live AWS (the default) or IAM's policy simulator. Either way, an answer whose decision the other
    /// would not give carries <c>simulatorsDiffer</c>.</summary>
    public EvaluationMode Mode { get; init; } = EvaluationMode.LiveAws;

    /// <summary>For a request that depends on context keys the scenario does not give, the conditions under which
    /// it would be allowed; for a denied one, the smallest set of statements that decide it.</summary>
    public bool Discover { get; init; }

    /// <summary><see cref="ResourceMatch.Any"/>: a request resource with wildcards is allowed when some resource it
    /// covers would be. The default is AWS's literal matching.</summary>
    public ResourceMatch ResourceMatch { get; init; } = ResourceMatch.Literal;
}

/// <summary>How a request resource holding <c>*</c> or <c>?</c> is read.</summary>
public enum ResourceMatch
{
    /// <summary>As AWS reads it: the text itself, wildcards included, is the resource.</summary>
    Literal,

    /// <summary>As every resource it covers: allowed when one of them would be.</summary>
    Any,
}
