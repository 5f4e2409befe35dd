using System.Text;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Linting;

/// <summary>Parts of a policy that add nothing: an action or resource already covered by another pattern in the
/// same statement, and a statement identical to an earlier one.</summary>
internal static class RedundancyRules
{
    public static void Check(LintContext context)
    {
        var seen = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var statement in context.Document.Statements)
        {
            CheckActions(context, statement);
            CheckResources(context, statement);
            if (!seen.TryAdd(Signature(statement), statement))
            {
                context.Report(FindingSeverity.Suggestion, FindingCodes.RedundantStatement,
                    $"The statements are redundant because they provide identical permissions. Update the policy to remove the redundant statement (it repeats {LintContext.StatementPath(seen[Signature(statement)])}).",
                    LintContext.StatementPath(statement));
            }
        }
    }

    private static void CheckActions(LintContext context, Statement statement)
    {
        var actions = statement.Actions;
        for (var j = 0; j < actions.Length; j++)
        {
            for (var k = 0; k < actions.Length; k++)
            {
                if (j == k || !Covers(context, actions[k], actions[j]))
                {
                    continue;
                }

                // Two patterns covering each other: only the later one is redundant.
                if (k > j && Covers(context, actions[j], actions[k]))
                {
                    continue;
                }

                context.Report(FindingSeverity.Suggestion, FindingCodes.RedundantAction,
                    $"The action(s) are redundant because they provide similar permissions. Update the policy to remove the redundant action such as: {actions[j]} (covered by {actions[k]}).",
                    LintContext.ActionPath(statement, j));
                break;
            }
        }
    }

    /// <summary>Whether every action <paramref name="inner"/> grants is also granted by <paramref name="outer"/>.</summary>
    private static bool Covers(LintContext context, string outer, string inner)
    {
        if (string.Equals(outer, inner, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!Wildcard.HasWildcard(outer))
        {
            return false;
        }

        if (!Wildcard.HasWildcard(inner))
        {
            return Wildcard.IsMatch(outer, inner, ignoreCase: true);
        }

        var expanded = context.Expand(inner);
        return !expanded.IsEmpty && expanded.All(a => Wildcard.IsMatch(outer, a.FullName, ignoreCase: true));
    }

    private static void CheckResources(LintContext context, Statement statement)
    {
        var resources = statement.Resources;
        for (var j = 0; j < resources.Length; j++)
        {
            for (var k = 0; k < resources.Length; k++)
            {
                if (j == k || !ResourceCovers(resources[k], resources[j]) || (k > j && ResourceCovers(resources[j], resources[k])))
                {
                    continue;
                }

                context.Report(FindingSeverity.Suggestion, FindingCodes.RedundantResource,
                    $"The resource ARN(s) are redundant because they reference the same resource. Review the use of wildcards (*): {resources[j]} is covered by {resources[k]}.",
                    LintContext.ResourcePath(statement, j));
                break;
            }
        }
    }

    /// <summary>Sound but incomplete containment of resource patterns: equal text; a literal ARN matched by a
    /// pattern; or a pattern whose literal prefix extends the prefix of an <c>prefix*</c> pattern.</summary>
    private static bool ResourceCovers(string outer, string inner)
    {
        if (string.Equals(outer, inner, StringComparison.Ordinal))
        {
            return true;
        }

        if (!Wildcard.HasWildcard(outer) || outer.Contains("${", StringComparison.Ordinal) || inner.Contains("${", StringComparison.Ordinal))
        {
            return false;
        }

        if (!Wildcard.HasWildcard(inner))
        {
            return Wildcard.IsMatch(outer, inner, ignoreCase: false);
        }

        var outerPrefix = outer.AsSpan(0, outer.Length - 1);
        if (outer[^1] != '*' || Wildcard.HasWildcard(outerPrefix))
        {
            return false;
        }

        var innerPrefix = inner.AsSpan(0, inner.AsSpan().IndexOfAny('*', '?'));
        return innerPrefix.StartsWith(outerPrefix, StringComparison.Ordinal);
    }

    // Everything that decides what a statement grants, normalized; the Sid does not count.
    private static string Signature(Statement statement)
    {
        var text = new StringBuilder();
        text.Append(statement.Effect).Append('|').Append(statement.IsNotPrincipal).Append('|');
        if (statement.Principal is { } principal)
        {
            text.Append(principal.IsWildcard).Append(';')
                .AppendJoin(',', principal.Aws.Order(StringComparer.Ordinal)).Append(';')
                .AppendJoin(',', principal.Service.Order(StringComparer.Ordinal)).Append(';')
                .AppendJoin(',', principal.Federated.Order(StringComparer.Ordinal)).Append(';')
                .AppendJoin(',', principal.CanonicalUser.Order(StringComparer.Ordinal));
        }

        text.Append('|').Append(statement.IsNotAction).Append('|')
            .AppendJoin(',', statement.Actions.Select(a => a.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal))
            .Append('|').Append(statement.HasResource).Append(statement.IsNotResource).Append('|')
            .AppendJoin(',', statement.Resources.Distinct().Order(StringComparer.Ordinal)).Append('|')
            .AppendJoin(';', statement.Condition.Conditions
                .Select(c => $"{c.Operator}:{c.Key.ToLowerInvariant()}={string.Join(',', c.Values.Order(StringComparer.Ordinal))}")
                .Order(StringComparer.Ordinal));
        return text.ToString();
    }
}
