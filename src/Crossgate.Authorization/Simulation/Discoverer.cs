using System.Collections.Immutable;
using System.Globalization;
using Crossgate.Policies;
using Crossgate.Policies.Conditions;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization.Simulation;

/// <summary><c>simulate --discover</c>. For a request that depends on context keys the scenario does not give, it
/// tries values for those keys taken from the conditions of the scenario's own policies (each value a condition
/// would accept, and leaving the key out), fewest keys first, and keeps every smallest assignment the engine
/// allows: the alternatives of the answer's <c>allowedWhen</c>. For a denial it also names the smallest set of
/// statements that decides it: one matched Deny statement for an explicit deny, none for an implicit one.</summary>
internal static class Discoverer
{
    // Enough for four keys with a handful of values each; past it the search stops with what it found.
    private const int MaxTrials = 4096;
    private const int MaxAlternatives = 8;

    public static Discovery Discover(AuthorizationRequest request, PolicySet policies, Decision decision, EvaluationMode mode)
    {
        var allowedWhen = decision.IsAllowed || decision.MissingContextKeys.IsEmpty
            ? ImmutableArray<string>.Empty
            : AllowedWhen(request, policies, decision.MissingContextKeys, mode);
        var deciding = ImmutableArray<MatchedStatement>.Empty;
        PolicyLayer? missingAllow = null;
        if (decision.Outcome == EvalDecision.ExplicitDeny)
        {
            foreach (var statement in decision.MatchedStatements)
            {
                if (statement.Effect == Effect.Deny && statement.Layer == decision.DecidingLayer)
                {
                    // Any one matched Deny decides alone; the first is the smallest set.
                    deciding = [statement];
                    break;
                }
            }
        }
        else if (decision.Outcome == EvalDecision.ImplicitDeny)
        {
            missingAllow = decision.DecidingLayer;
        }

        return new Discovery(allowedWhen, deciding, missingAllow);
    }

    private static ImmutableArray<string> AllowedWhen(AuthorizationRequest request, PolicySet policies, ImmutableArray<string> missing, EvaluationMode mode)
    {
        var keys = missing.ToArray();
        var candidates = new List<ContextValue?>[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            candidates[k] = [null, .. CandidateValues(policies, keys[k])];
        }

        // Assignments by the number of keys they set, so that the first allowed ones are the smallest.
        var found = new List<(int Mask, string Text)>();
        var trials = 0;
        for (var size = 1; size <= keys.Length && found.Count < MaxAlternatives && trials < MaxTrials; size++)
        {
            foreach (var mask in Masks(keys.Length, size))
            {
                if (found.Exists(f => (f.Mask & mask) == f.Mask))
                {
                    continue;
                }

                var choice = new int[keys.Length];
                while (trials++ < MaxTrials && found.Count < MaxAlternatives)
                {
                    if (Allowed(request, policies, keys, candidates, mask, choice, mode))
                    {
                        found.Add((mask, Describe(keys, candidates, mask, choice)));
                        break;
                    }

                    if (!NextChoice(choice, candidates, mask))
                    {
                        break;
                    }
                }
            }
        }

        return [.. found.Select(f => f.Text)];
    }

    /// <summary>Every subset of <paramref name="count"/> keys with <paramref name="size"/> members, as bit masks.</summary>
    private static IEnumerable<int> Masks(int count, int size)
    {
        for (var mask = 1; mask < 1 << Math.Min(count, 16); mask++)
        {
            if (int.PopCount(mask) == size)
            {
                yield return mask;
            }
        }
    }

    /// <summary>The next combination of values for the keys in the mask (value 0, "absent", is not used for them).</summary>
    private static bool NextChoice(int[] choice, List<ContextValue?>[] candidates, int mask)
    {
        for (var k = 0; k < choice.Length; k++)
        {
            if ((mask & (1 << k)) == 0)
            {
                continue;
            }

            if (choice[k] == 0)
            {
                choice[k] = 1;
            }

            if (choice[k] + 1 < candidates[k].Count)
            {
                choice[k]++;
                return true;
            }

            choice[k] = 1;
        }

        return false;
    }

    private static bool Allowed(AuthorizationRequest request, PolicySet policies, string[] keys, List<ContextValue?>[] candidates,
        int mask, int[] choice, EvaluationMode mode)
    {
        var context = new ContextKeys();
        if (request.Context is { } given)
        {
            foreach (var (key, value) in given.All)
            {
                context.Set(key, value);
            }
        }

        for (var k = 0; k < keys.Length; k++)
        {
            if ((mask & (1 << k)) == 0)
            {
                continue;
            }

            var index = Math.Max(choice[k], 1);
            if (index >= candidates[k].Count || candidates[k][index] is not { } value)
            {
                return false;
            }

            context.Set(keys[k], value);
        }

        return Authorizer.Decide(request.With(context: context), policies, mode).IsAllowed;
    }

    private static string Describe(string[] keys, List<ContextValue?>[] candidates, int mask, int[] choice)
    {
        var parts = new List<string>();
        for (var k = 0; k < keys.Length; k++)
        {
            if ((mask & (1 << k)) != 0 && candidates[k][Math.Max(choice[k], 1)] is { } value)
            {
                var values = value.Values.ToArray();
                var text = values.Length == 1 ? Literal(values[0]) : "[" + string.Join(", ", values.Select(Literal)) + "]";
                parts.Add($"{keys[k]} = {text}");
            }
        }

        return string.Join(" and ", parts);
    }

    // Booleans and numbers read as themselves; everything else is quoted.
    private static string Literal(string value) =>
        value is "true" or "false" || decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? value
            : "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>Values the scenario's conditions on <paramref name="key"/> would accept, one or two per condition.</summary>
    private static List<ContextValue?> CandidateValues(PolicySet policies, string key)
    {
        var values = new List<ContextValue?>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in AllPolicies(policies))
        {
            foreach (var statement in policy.Statements)
            {
                foreach (var condition in statement.Source.Condition.Conditions)
                {
                    if (!condition.Key.Equals(key, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var multi = condition.Operator.Qualifier != SetQualifier.None;
                    foreach (var value in Accepted(condition))
                    {
                        if (seen.Add(value))
                        {
                            values.Add(multi ? ContextValue.Multi(value) : ContextValue.Single(value));
                        }
                    }
                }
            }
        }

        return values;
    }

    /// <summary>Values that make one condition hold, from its own policy values.</summary>
    private static IEnumerable<string> Accepted(Condition condition)
    {
        var op = condition.Operator;
        switch (op.Kind)
        {
            case ConditionOperatorKind.Bool:
                yield return "true";
                yield return "false";
                yield break;
            case ConditionOperatorKind.Null:
                // Null false asks for the key to be present, whatever its value.
                yield return "present";
                yield break;
        }

        if (op.IsNegated)
        {
            // Any value outside the listed ones.
            yield return "other-than-listed";
            yield break;
        }

        foreach (var value in condition.Values)
        {
            if (value.Contains("${", StringComparison.Ordinal))
            {
                continue;
            }

            switch (op.Kind)
            {
                case ConditionOperatorKind.StringLike or ConditionOperatorKind.ArnLike or ConditionOperatorKind.ArnEquals:
                    yield return value.Replace("*", string.Empty, StringComparison.Ordinal).Replace('?', 'x');
                    break;
                case ConditionOperatorKind.NumericLessThan when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                    yield return (n - 1).ToString(CultureInfo.InvariantCulture);
                    break;
                case ConditionOperatorKind.NumericGreaterThan when decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n):
                    yield return (n + 1).ToString(CultureInfo.InvariantCulture);
                    break;
                case ConditionOperatorKind.DateLessThan when PolicyDate.TryParse(value, out var ticks):
                    yield return Iso(ticks - TimeSpan.TicksPerDay);
                    break;
                case ConditionOperatorKind.DateGreaterThan when PolicyDate.TryParse(value, out var ticks):
                    yield return Iso(ticks + TimeSpan.TicksPerDay);
                    break;
                case ConditionOperatorKind.IpAddress:
                    var slash = value.IndexOf('/');
                    yield return slash < 0 ? value : value[..slash];
                    break;
                default:
                    yield return value;
                    break;
            }
        }
    }

    private static string Iso(long ticks) =>
        new DateTime(Math.Clamp(ticks, DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static IEnumerable<CompiledPolicy> AllPolicies(PolicySet policies)
    {
        foreach (var policy in policies.IdentityPolicies)
        {
            yield return policy;
        }

        if (policies.ResourcePolicy is { } resource)
        {
            yield return resource;
        }

        if (policies.PermissionsBoundary is { } boundary)
        {
            yield return boundary;
        }

        foreach (var policy in policies.SessionPolicies)
        {
            yield return policy;
        }

        foreach (var level in policies.ServiceControlPolicies)
        {
            foreach (var policy in level)
            {
                yield return policy;
            }
        }

        foreach (var level in policies.ResourceControlPolicies)
        {
            foreach (var policy in level)
            {
                yield return policy;
            }
        }
    }
}
