using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>A named set of actions a feature needs, taken from the statements of a permission profile that share a
/// <c>Sid</c>: the actions (wildcards expanded), the resources they must reach, and the statements themselves (with
/// their conditions), from which the questions the check asks are made.</summary>
public sealed record PermissionGroup(
    string Sid, ImmutableArray<string> Actions, ImmutableArray<string> Resources, bool Optional, ImmutableArray<ProfileStatement> Statements)
{
    // Worked out once, when the profile is read: the catalog it needs then loads before any call is timed, and a check
    // of many accounts does not ask the catalog again for each one.
    private readonly IReadOnlyList<ActionQuestion> _questions = QuestionsOf(Statements);

    /// <summary>Each (action, resource) pair the check asks about, in profile order, once each. An action without
    /// resource-level permissions (the catalog says so) is asked on <c>*</c>, as AWS authorizes it, whatever
    /// resources its statement lists.</summary>
    public IReadOnlyList<ActionQuestion> Questions() => _questions;

    private static List<ActionQuestion> QuestionsOf(ImmutableArray<ProfileStatement> statements)
    {
        var questions = new List<ActionQuestion>();
        var seen = new HashSet<(string, string)>();
        foreach (var statement in statements)
        {
            foreach (var action in statement.Actions)
            {
                if (ResourceLessActions.IsResourceLess(action))
                {
                    Add(action, "*", statement);
                    continue;
                }

                foreach (var resource in statement.Resources)
                {
                    Add(action, resource, statement);
                }
            }
        }

        return questions;

        void Add(string action, string resource, ProfileStatement statement)
        {
            if (seen.Add((action.ToLowerInvariant(), resource)))
            {
                questions.Add(new ActionQuestion(action, resource, statement));
            }
        }
    }
}

/// <summary>One action on one resource, and the profile statement it comes from (whose conditions the role's grant
/// is compared with).</summary>
public sealed record ActionQuestion(string Action, string Resource, ProfileStatement Statement);
