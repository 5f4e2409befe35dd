namespace Crossgate.Policies.Evaluation;

/// <summary>One statement compiled for evaluation without re-parsing and, on the hot path, without allocating.</summary>
public sealed class CompiledStatement
{
    // CONTRACT — implementation pending (matching work).
    public required Statement Source { get; init; }

    public Effect Effect => Source.Effect;

    public int Index => Source.Index;

    public string? Sid => Source.Sid;

    /// <summary>Action / NotAction against <c>service:Name</c>, case-insensitively.</summary>
    public bool MatchesAction(string action) => throw new NotImplementedException();

    /// <summary>Resource / NotResource against <see cref="RequestContext.Resource"/>, policy variables substituted
    /// from the context. True when the statement has neither element (trust policies).</summary>
    public bool MatchesResource(RequestContext context) => throw new NotImplementedException();

    /// <summary>Which Principal / NotPrincipal entry names the caller; <see cref="PrincipalMatch.NotApplicable"/>
    /// when the statement has no principal element.</summary>
    public PrincipalMatch MatchPrincipal(PrincipalIdentity? principal) => throw new NotImplementedException();

    /// <summary>True when every condition holds. Keys a condition needed but the context lacked are added to
    /// <paramref name="missingKeys"/> when it is given.</summary>
    public bool MatchesConditions(RequestContext context, ICollection<string>? missingKeys) => throw new NotImplementedException();

    /// <summary>Action, resource and conditions together (the principal is matched separately).</summary>
    public bool Applies(RequestContext context, ICollection<string>? missingKeys) =>
        MatchesAction(context.Action) && MatchesResource(context) && MatchesConditions(context, missingKeys);
}
