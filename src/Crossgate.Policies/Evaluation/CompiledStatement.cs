using System.Runtime.InteropServices;
using Crossgate.Policies.Conditions;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Evaluation;

/// <summary>One statement compiled for evaluation without re-parsing and, on the hot path, without allocating.</summary>
public sealed class CompiledStatement
{
    private Compiled? _compiled;

    public required Statement Source { get; init; }

    /// <summary>Whether <c>${...}</c> is substituted: true for Version 2012-10-17 documents
    /// (<see cref="PolicyDocument.SupportsPolicyVariables"/>); <see cref="CompiledPolicy.Compile"/> sets it.</summary>
    public bool SupportsPolicyVariables { get; init; } = true;

    public Effect Effect => Source.Effect;

    public int Index => Source.Index;

    public string? Sid => Source.Sid;

    /// <summary>Compiles a statement; <see cref="CompiledPolicy.Compile"/> does this for every statement.</summary>
    public static CompiledStatement Compile(Statement statement, bool supportsPolicyVariables)
    {
        var compiled = new CompiledStatement { Source = statement, SupportsPolicyVariables = supportsPolicyVariables };
        _ = compiled.State;
        return compiled;
    }

    // Built on first use for instances made with an object initializer; the work is idempotent, so a race only
    // compiles twice.
    private Compiled State => _compiled ??= new Compiled(Source, SupportsPolicyVariables);

    /// <summary>Action / NotAction against <c>service:Name</c>, case-insensitively.</summary>
    public bool MatchesAction(string action)
    {
        var state = State;
        var matched = state.AllActions;
        if (!matched)
        {
            foreach (var pattern in state.Actions)
            {
                if (Wildcard.IsMatch(pattern, action, ignoreCase: true))
                {
                    matched = true;
                    break;
                }
            }
        }

        return matched != Source.IsNotAction;
    }

    /// <summary>Resource / NotResource against <see cref="RequestContext.Resource"/>, policy variables substituted
    /// from the context. True when the statement has neither element (trust policies).</summary>
    public bool MatchesResource(RequestContext context)
    {
        var state = State;
        if (!Source.HasResource)
        {
            return true;
        }

        var matched = false;
        foreach (var pattern in state.Resources)
        {
            if (pattern.IsMatch(context.Resource, context.Keys, null))
            {
                matched = true;
                break;
            }
        }

        return matched != Source.IsNotResource;
    }

    /// <summary>Which Principal / NotPrincipal entry names the caller; <see cref="PrincipalMatch.NotApplicable"/>
    /// when the statement has no principal element.</summary>
    public PrincipalMatch MatchPrincipal(PrincipalIdentity? principal) =>
        State.Principal?.Match(principal) ?? PrincipalMatch.NotApplicable;

    /// <summary>True when every condition holds. When <paramref name="missingKeys"/> is given, every condition is
    /// evaluated (not only up to the first that fails), so that every key the statement needed but the context
    /// lacked is added, as IAM's MissingContextValues lists them all; without it the first failure ends the test.</summary>
    public bool MatchesConditions(RequestContext context, ICollection<string>? missingKeys)
    {
        var holds = true;
        foreach (var condition in State.Conditions)
        {
            if (!condition.Evaluate(context.Keys, missingKeys))
            {
                if (missingKeys is null)
                {
                    return false;
                }

                holds = false;
            }
        }

        return holds;
    }

    /// <summary>Action, resource and conditions together (the principal is matched separately).</summary>
    public bool Applies(RequestContext context, ICollection<string>? missingKeys) =>
        MatchesAction(context.Action) && MatchesResource(context) && MatchesConditions(context, missingKeys);

    /// <summary>The compiled conditions, for diagnostics.</summary>
    public IReadOnlyList<CompiledCondition> Conditions => State.Conditions;

    private sealed class Compiled
    {
        public Compiled(Statement statement, bool variables)
        {
            // Loops rather than LINQ: compiling runs once per policy per simulated scenario, so it stays lean too.
            AllActions = statement.Actions.Contains("*");

            // Shared with the immutable statement: nothing writes to it.
            Actions = ImmutableCollectionsMarshal.AsArray(statement.Actions) ?? [];
            var resources = statement.Resources;
            Resources = resources.IsDefaultOrEmpty ? [] : new ArnPattern[resources.Length];
            for (var i = 0; i < Resources.Length; i++)
            {
                Resources[i] = ArnPattern.Compile(resources[i], variables, variablesInResourcePartOnly: true);
            }

            Principal = statement.Principal is null ? null : PrincipalMatcher.Compile(statement.Principal, statement.IsNotPrincipal);
            var conditions = statement.Condition.Conditions;
            Conditions = conditions.IsDefaultOrEmpty ? [] : new CompiledCondition[conditions.Length];
            for (var i = 0; i < Conditions.Length; i++)
            {
                Conditions[i] = ConditionCompiler.Compile(conditions[i], variables);
            }
        }

        public bool AllActions { get; }

        public string[] Actions { get; }

        public ArnPattern[] Resources { get; }

        public PrincipalMatcher? Principal { get; }

        public CompiledCondition[] Conditions { get; }
    }
}
