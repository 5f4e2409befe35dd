using Crossgate.Policies;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Which Deny statement of a policy refuses an action on a resource. IAM's simulator names the policy that
/// denied, not its statement; a person fixing it needs the statement.</summary>
public static class DenyingStatement
{
    /// <summary>The first unconditional Deny statement for the action and resource, else the first conditional one
    /// (the simulator already said its conditions held); null when none matches.</summary>
    public static Statement? Find(PolicyDocument document, string action, string resource)
    {
        Statement? conditional = null;
        foreach (var statement in document.Statements)
        {
            if (!Denies(statement, action, resource))
            {
                continue;
            }

            if (statement.Condition.IsEmpty)
            {
                return statement;
            }

            conditional ??= statement;
        }

        return conditional;
    }

    /// <summary>A Deny whose action and resource elements match, whatever its conditions.</summary>
    public static bool Denies(Statement statement, string action, string resource) =>
        statement.Effect == Effect.Deny
        && statement.Actions.Any(p => Wildcard.IsMatch(p, action, ignoreCase: true)) != statement.IsNotAction
        && (!statement.HasResource || statement.Resources.Any(p => p == "*" || Wildcard.IsMatch(p, resource, ignoreCase: false)) != statement.IsNotResource);

    /// <summary><c>statement NeverAssume</c> by its Sid, or <c>statement 2</c> by its position when it has none.</summary>
    public static string Describe(Statement statement) =>
        string.IsNullOrEmpty(statement.Sid) ? $"statement {statement.Index + 1}" : $"statement {statement.Sid}";
}
