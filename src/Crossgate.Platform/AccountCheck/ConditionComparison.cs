using Crossgate.Policies;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Compares the conditions of a role's grant with those of the profile statement that asks for it: a
/// role condition is no shortfall when a condition of the profile implies it (same operator and key with values
/// the role also accepts, or an exact value the role's pattern matches). What is left is what the role adds.</summary>
public static class ConditionComparison
{
    /// <summary>The role's conditions that the profile's conditions do not imply, for the role statement that
    /// grants <paramref name="question"/> with the fewest such; null when no Allow statement of the role grants it
    /// under conditions (the caller then falls back to the keys the simulator found missing).</summary>
    public static IReadOnlyList<Condition>? ExtraConditions(IReadOnlyList<Statement> roleStatements, ActionQuestion question)
    {
        List<Condition>? best = null;
        foreach (var statement in roleStatements)
        {
            if (statement.Effect != Effect.Allow || statement.Condition.IsEmpty
                || !MatchesAction(statement, question.Action) || !MatchesResource(statement, question.Resource))
            {
                continue;
            }

            var extra = new List<Condition>();
            foreach (var condition in statement.Condition.Conditions)
            {
                if (!IsImplied(condition, question.Statement.Conditions))
                {
                    extra.Add(condition);
                }
            }

            if (best is null || extra.Count < best.Count)
            {
                best = extra;
            }
        }

        return best;
    }

    /// <summary>True when some condition of <paramref name="profile"/> implies <paramref name="role"/>.</summary>
    public static bool IsImplied(Condition role, ConditionBlock profile)
    {
        foreach (var candidate in profile.Conditions)
        {
            if (Implies(candidate, role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether every request satisfying <paramref name="profile"/> satisfies <paramref name="role"/>, judged
    /// conservatively: when in doubt, not implied.</summary>
    public static bool Implies(Condition profile, Condition role)
    {
        if (!string.Equals(profile.Key, role.Key, StringComparison.OrdinalIgnoreCase)
            || profile.Operator.Qualifier != role.Operator.Qualifier
            || (profile.Operator.IfExists && !role.Operator.IfExists))
        {
            return false;
        }

        var p = profile.Operator.Kind;
        var r = role.Operator.Kind;
        if (p == r)
        {
            // A negated operator excludes values: the role's exclusions must be among the profile's.
            return role.Operator.IsNegated
                ? Subset(role.Values, profile.Values, IgnoresCase(r))
                : IsPattern(r)
                    ? profile.Values.All(v => role.Values.Any(pattern => Wildcard.IsMatch(pattern, v, ignoreCase: false)))
                    : Subset(profile.Values, role.Values, IgnoresCase(r));
        }

        // An exact value the profile asks for, matched by the role's pattern.
        var widens = (p == ConditionOperatorKind.StringEquals && r == ConditionOperatorKind.StringLike)
                     || (p == ConditionOperatorKind.ArnEquals && r == ConditionOperatorKind.ArnLike)
                     || (p == ConditionOperatorKind.StringEquals && r == ConditionOperatorKind.StringEqualsIgnoreCase);
        return widens && profile.Values.All(v => role.Values.Any(pattern =>
            r == ConditionOperatorKind.StringEqualsIgnoreCase
                ? string.Equals(pattern, v, StringComparison.OrdinalIgnoreCase)
                : Wildcard.IsMatch(pattern, v, ignoreCase: false)));
    }

    private static bool IsPattern(ConditionOperatorKind kind) => kind is ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnLike;

    private static bool IgnoresCase(ConditionOperatorKind kind) =>
        kind is ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase or ConditionOperatorKind.Bool;

    private static bool Subset(IEnumerable<string> items, IReadOnlyCollection<string> of, bool ignoreCase)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return items.All(i => of.Any(o => string.Equals(i, o, comparison)));
    }

    private static bool MatchesAction(Statement statement, string action)
    {
        var any = statement.Actions.Any(pattern => Wildcard.IsMatch(pattern, action, ignoreCase: true));
        return any != statement.IsNotAction;
    }

    /// <summary>The profile's resource is itself often a pattern: the role's pattern must cover it as text.</summary>
    private static bool MatchesResource(Statement statement, string resource)
    {
        if (!statement.HasResource)
        {
            return true;
        }

        var any = statement.Resources.Any(pattern => Wildcard.IsMatch(pattern, resource, ignoreCase: false));
        return any != statement.IsNotResource;
    }
}
