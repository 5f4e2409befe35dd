using System.Collections.Immutable;
using Crossgate.Policies.Catalog;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Linting;

/// <summary>Actions and resources of a statement must fit together: every resource should be usable by some
/// action of the statement, and every action should apply to some resource of it. Otherwise that part of the
/// statement grants (or denies) nothing — the classic case is <c>s3:GetObject</c> on a bucket ARN.</summary>
internal static class ResourceRules
{
    // Beyond this many actions the statement is broad enough that resource mismatches do not matter.
    private const int MaxActions = 2000;

    public static void Check(LintContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            if (statement.IsNotAction || statement.IsNotResource || !statement.HasResource || statement.Resources.IsEmpty)
            {
                continue;
            }

            var perPattern = statement.Actions.Select(context.Expand).ToImmutableArray();
            var all = perPattern.SelectMany(a => a).Distinct().ToImmutableArray();
            if (all.IsEmpty || all.Length > MaxActions)
            {
                continue;
            }

            for (var r = 0; r < statement.Resources.Length; r++)
            {
                var resource = statement.Resources[r];
                if (!all.Any(action => action.CanApplyTo(resource)))
                {
                    context.Report(FindingSeverity.Warning, FindingCodes.ResourceMatchesNoAction,
                        $"No action in this statement applies to the resource {resource}. {Describe(all)}",
                        LintContext.ResourcePath(statement, r));
                }
            }

            // With a single action pattern the resource findings above already say it all.
            for (var a = 0; a < statement.Actions.Length && statement.Actions.Length > 1; a++)
            {
                var actions = perPattern[a];
                if (actions.IsEmpty || actions.Any(action => statement.Resources.Any(action.CanApplyTo)))
                {
                    continue;
                }

                var subject = Wildcard.HasWildcard(statement.Actions[a])
                    ? $"None of the actions matching {statement.Actions[a]} apply"
                    : $"The action {actions[0].FullName} does not apply";
                context.Report(FindingSeverity.Warning, FindingCodes.ActionMatchesNoResource,
                    $"{subject} to any resource in this statement. {Describe(actions)}",
                    LintContext.ActionPath(statement, a));
            }
        }
    }

    // What the actions do apply to, e.g. "s3:GetObject applies to object (arn:${Partition}:s3:::${BucketName}/${ObjectName})."
    private static string Describe(ImmutableArray<ActionInfo> actions)
    {
        var parts = new List<string>();
        foreach (var action in actions.Take(3))
        {
            parts.Add(action.ResourceTypes.IsEmpty
                ? $"{action.FullName} supports no resource-level permissions and needs \"Resource\": \"*\""
                : $"{action.FullName} applies to {string.Join(", ", action.ResourceTypes.Select(r => $"{r.Type.Name} ({r.Type.ArnPattern})"))}");
        }

        var more = actions.Length > 3 ? $"; and {actions.Length - 3} more actions" : string.Empty;
        return string.Join("; ", parts) + more + ".";
    }
}
