using System.Collections.Concurrent;
using System.Collections.Immutable;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Analysis.Building;

/// <summary>Prepares policies so that the engine decides "allowed for some value of the keys the store cannot
/// settle": an allowing statement loses its unsettled conditions (they become the edge's requirements), a denying
/// statement with an unsettled condition is set aside. Everything else — actions, resources, principals, settled
/// conditions, every layer's rules — stays the engine's to decide, so an edge the engine denies whatever those keys
/// hold is no edge. Policies without unsettled conditions pass through untouched.</summary>
internal sealed class ConditionRelaxer(SettledKeys settled)
{
    private readonly ConcurrentDictionary<(CompiledPolicy Policy, Exposure Exposure), RelaxedPolicy> _relaxed = new();

    public SettledKeys Settled { get; } = settled;

    public RelaxedPolicy Relax(CompiledPolicy policy, Exposure exposure) =>
        _relaxed.GetOrAdd((policy, exposure), static (key, relaxer) => relaxer.Build(key.Policy, key.Exposure), this);

    private RelaxedPolicy Build(CompiledPolicy policy, Exposure exposure)
    {
        Dictionary<int, string[]>? requires = null;
        List<(CompiledStatement, string)>? setAside = null;
        CompiledStatement[]? statements = null;
        var source = policy.Statements;
        var kept = 0;
        for (var i = 0; i < source.Length; i++)
        {
            var statement = source[i];
            var conditions = statement.Source.Condition.Conditions;
            var unsettled = 0;
            foreach (var condition in conditions)
            {
                unsettled += Settled.IsSettled(condition.Key, exposure) ? 0 : 1;
            }

            if (unsettled == 0)
            {
                if (statements is not null)
                {
                    statements[kept] = statement;
                }

                kept++;
                continue;
            }

            statements ??= CopyPrefix(source, kept);
            var texts = new string[unsettled];
            var settledConditions = ImmutableArray.CreateBuilder<Condition>(conditions.Length - unsettled);
            var t = 0;
            foreach (var condition in conditions)
            {
                if (Settled.IsSettled(condition.Key, exposure))
                {
                    settledConditions.Add(condition);
                }
                else
                {
                    texts[t++] = ConditionText.Of(condition);
                }
            }

            if (statement.Effect == Effect.Deny)
            {
                var where = statement.Sid is { } sid ? $"{policy.Name} ({sid})" : policy.Name;
                (setAside ??= []).Add((Without(statement, settledConditions.MoveToImmutable()), $"not denied by {where}: not ({string.Join(" and ", texts)})"));
                continue;
            }

            statements[kept++] = Without(statement, settledConditions.MoveToImmutable());
            (requires ??= [])[statement.Index] = texts;
        }

        if (statements is null)
        {
            return new RelaxedPolicy { Policy = policy };
        }

        var relaxed = new CompiledPolicy { Document = policy.Document, Name = policy.Name, Statements = [.. statements.AsSpan(0, kept)] };
        return new RelaxedPolicy { Policy = relaxed, Requires = requires ?? [], SetAside = setAside ?? [] };
    }

    private static CompiledStatement[] CopyPrefix(ImmutableArray<CompiledStatement> source, int count)
    {
        var copy = new CompiledStatement[source.Length];
        for (var i = 0; i < count; i++)
        {
            copy[i] = source[i];
        }

        return copy;
    }

    private static CompiledStatement Without(CompiledStatement statement, ImmutableArray<Condition> settledConditions)
    {
        var s = statement.Source;
        var copy = new Statement
        {
            Index = s.Index, Sid = s.Sid, Effect = s.Effect, Principal = s.Principal, IsNotPrincipal = s.IsNotPrincipal,
            Actions = s.Actions, IsNotAction = s.IsNotAction, Resources = s.Resources, HasResource = s.HasResource,
            IsNotResource = s.IsNotResource, Condition = settledConditions.IsEmpty ? ConditionBlock.Empty : new ConditionBlock(settledConditions),
        };
        return CompiledStatement.Compile(copy, statement.SupportsPolicyVariables);
    }
}
