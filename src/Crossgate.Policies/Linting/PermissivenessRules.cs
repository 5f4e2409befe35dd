using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Linting;

/// <summary>Allow statements that grant more than they appear to: NotAction, NotResource, <c>*</c> on
/// <c>*</c>, and iam:PassRole on wildcard resources.</summary>
internal static class PermissivenessRules
{
    public static void Check(LintContext context)
    {
        // Guardrail kinds (boundaries, SCPs, RCPs) only cap permissions; a broad Allow there grants nothing.
        var grants = context.Document.Kind is not (PolicyKind.PermissionsBoundary or PolicyKind.ServiceControl or PolicyKind.ResourceControl);
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Effect != Effect.Allow)
            {
                continue;
            }

            var path = LintContext.StatementPath(statement);
            var allResources = !statement.HasResource || statement.IsNotResource || statement.Resources.Contains("*");
            if (grants && statement.IsNotAction)
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.AllowWithNotAction,
                    allResources
                        ? "Using Allow with NotAction on all resources allows every action not listed, in every service, including ones AWS adds later. We recommend that you list the allowed actions with Action instead."
                        : "Using Allow with NotAction allows every action not listed, including ones AWS adds later. We recommend that you list the allowed actions with Action instead.",
                    path + ".NotAction");
            }

            if (grants && statement.IsNotResource)
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.AllowWithNotResource,
                    "Using Allow with NotResource allows the actions on every resource not listed, including resources created later. We recommend that you list the allowed resources with Resource instead.",
                    path + ".NotResource");
            }

            if (grants && !statement.IsNotAction && statement.Actions.Contains("*") && statement.HasResource && !statement.IsNotResource
                && statement.Resources.Contains("*") && statement.Condition.IsEmpty)
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.AllowAllActionsOnAllResources,
                    "This statement allows every action on every resource (full administrator access). We recommend that you grant only the actions and resources that are needed.",
                    path);
            }

            CheckPassRole(context, statement);
        }
    }

    private static void CheckPassRole(LintContext context, Statement statement)
    {
        if (statement.IsNotAction || !statement.HasResource || statement.IsNotResource
            || !statement.Resources.Any(r => r.Contains('*')) || HasPassedToService(statement))
        {
            return;
        }

        for (var i = 0; i < statement.Actions.Length; i++)
        {
            var action = statement.Actions[i];
            if (!Wildcard.IsMatch(action, "iam:PassRole", ignoreCase: true))
            {
                continue;
            }

            if (Wildcard.HasWildcard(action))
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.PassRoleWithStarInActionAndResource,
                    "Using wildcards (*) in the action and the resource can be overly permissive because it allows iam:PassRole permissions on all resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.",
                    LintContext.ActionPath(statement, i));
            }
            else
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.PassRoleWithStarInResource,
                    "Using the iam:PassRole action with wildcards (*) in the resource can be overly permissive because it allows iam:PassRole permissions on multiple resources. We recommend that you specify resource ARNs or add the iam:PassedToService condition key to your statement.",
                    LintContext.ActionPath(statement, i));
            }

            return;
        }
    }

    private static bool HasPassedToService(Statement statement) =>
        statement.Condition.Conditions.Any(c => string.Equals(c.Key, "iam:PassedToService", StringComparison.OrdinalIgnoreCase));
}
