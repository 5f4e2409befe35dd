namespace Crossgate.Policies.Linting;

/// <summary>Document-wide best practice: a Version element, and Sids unique within the policy.</summary>
internal static class DocumentRules
{
    public static void Check(LintContext context)
    {
        if (context.Document.Version is null)
        {
            context.Report(FindingSeverity.Warning, FindingCodes.MissingVersion,
                "We recommend that you specify the Version element to help you with debugging permission issues.", "Version");
        }

        var sids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var statement in context.Document.Statements)
        {
            if (!string.IsNullOrEmpty(statement.Sid) && !sids.Add(statement.Sid))
            {
                context.Report(FindingSeverity.Warning, FindingCodes.UniqueSidsRecommended,
                    "We recommend that you use statement IDs that are unique to your policy. Update the Sid value.",
                    LintContext.StatementPath(statement) + ".Sid");
            }
        }
    }
}
