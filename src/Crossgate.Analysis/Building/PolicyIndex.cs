using System.Collections.Concurrent;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Identity-policy statements indexed by action: for each policy, which of the analysis's actions some
/// allowing statement names (one bit each), and the policy cut down to the statements that match one action, so
/// that a decision only looks at the statements that can bear on it. Both are computed once per policy object,
/// and a managed policy attached to thousands of principals is one object.</summary>
internal sealed class PolicyIndex
{
    private readonly ConcurrentDictionary<CompiledPolicy, ulong> _masks = new();
    private readonly ConcurrentDictionary<(CompiledPolicy Policy, string Action), CompiledPolicy?> _byAction = new();

    /// <summary>The actions some allowing statement of the policy matches (resources and conditions aside).</summary>
    public ulong AllowMask(CompiledPolicy policy) => _masks.GetOrAdd(policy, static p =>
    {
        var mask = 0UL;
        var actions = AnalysisActions.All;
        foreach (var statement in p.Statements)
        {
            if (statement.Effect != Effect.Allow)
            {
                continue;
            }

            for (var i = 0; i < actions.Length; i++)
            {
                if (statement.MatchesAction(actions[i]))
                {
                    mask |= 1UL << i;
                }
            }
        }

        return mask;
    });

    public ulong AllowMask(IEnumerable<CompiledPolicy> policies)
    {
        var mask = 0UL;
        foreach (var policy in policies)
        {
            mask |= AllowMask(policy);
        }

        return mask;
    }

    /// <summary>The policy with only the statements (allowing or denying) whose Action matches; null when none does.</summary>
    public CompiledPolicy? ForAction(CompiledPolicy policy, string action) =>
        _byAction.GetOrAdd((policy, action), static key =>
        {
            var statements = key.Policy.Statements;
            var count = 0;
            foreach (var statement in statements)
            {
                count += statement.MatchesAction(key.Action) ? 1 : 0;
            }

            if (count == statements.Length)
            {
                return key.Policy;
            }

            if (count == 0)
            {
                return null;
            }

            var kept = new CompiledStatement[count];
            var i = 0;
            foreach (var statement in statements)
            {
                if (statement.MatchesAction(key.Action))
                {
                    kept[i++] = statement;
                }
            }

            return new CompiledPolicy { Document = key.Policy.Document, Name = key.Policy.Name, Statements = [.. kept] };
        });

    /// <summary>A boundary stays present even when none of its statements match: a boundary that allows nothing
    /// still limits.</summary>
    public CompiledPolicy BoundaryForAction(CompiledPolicy boundary, string action) =>
        ForAction(boundary, action) ?? _byAction.GetOrAdd((boundary, "\0empty"), static key =>
            new CompiledPolicy { Document = key.Policy.Document, Name = key.Policy.Name, Statements = [] })!;
}
