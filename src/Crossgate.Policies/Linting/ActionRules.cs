using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Linting;

/// <summary>Every action pattern must name an existing service and match at least one of its actions.</summary>
internal static class ActionRules
{
    public static void Check(LintContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            for (var i = 0; i < statement.Actions.Length; i++)
            {
                CheckPattern(context, statement, i, statement.Actions[i]);
            }
        }
    }

    private static void CheckPattern(LintContext context, Statement statement, int index, string pattern)
    {
        if (pattern == "*")
        {
            return;
        }

        var path = LintContext.ActionPath(statement, index);
        var colon = pattern.IndexOf(':');
        if (colon <= 0)
        {
            context.Report(FindingSeverity.Error, FindingCodes.InvalidAction, $"The action {pattern} does not exist.", path);
            return;
        }

        var service = pattern[..colon];
        if (!Wildcard.HasWildcard(service) && !context.Catalog.TryGetService(service, out _))
        {
            context.Report(FindingSeverity.Error, FindingCodes.InvalidServiceInAction,
                $"The service {service} specified in the action does not exist.", path);
            return;
        }

        if (!context.Expand(pattern).IsEmpty)
        {
            return;
        }

        if (Wildcard.HasWildcard(service))
        {
            context.Report(FindingSeverity.Error, FindingCodes.InvalidServiceInAction,
                $"The service {service} specified in the action does not match any service.", path);
            return;
        }

        var suggestion = Wildcard.HasWildcard(pattern) ? null : ClosestAction(context, service, pattern[(colon + 1)..]);
        context.Report(FindingSeverity.Error, FindingCodes.InvalidAction,
            suggestion is null ? $"The action {pattern} does not exist." : $"The action {pattern} does not exist. Did you mean {suggestion}?",
            path);
    }

    // A misspelling within a couple of edits of a real action of the same service.
    private static string? ClosestAction(LintContext context, string service, string name)
    {
        if (!context.Catalog.TryGetService(service, out var info))
        {
            return null;
        }

        string? best = null;
        var bestDistance = Math.Max(2, name.Length / 5) + 1;
        foreach (var action in info.Actions)
        {
            var distance = EditDistance.Between(name, action.Name, bestDistance);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = action.FullName;
            }
        }

        return best;
    }
}
