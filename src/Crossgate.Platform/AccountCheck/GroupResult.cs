using System.Collections.Immutable;
using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One permission group's verdict in one account, with the actions it lacks, the conditions the role adds
/// to it, and why each missing action is missing (one line per cause, listing its actions).</summary>
public sealed record GroupResult(
    string Sid, GroupStatus Status, bool Optional, ImmutableArray<string> MissingActions, ImmutableArray<string> Conditions, ImmutableArray<string> Reasons)
{
    /// <summary>Reads a group's answers. An action is granted when allowed, or when the role allows it only under
    /// conditions the profile's own statement implies; conditional when the role adds a condition of its own
    /// (named, whole); otherwise missing, with its cause. All granted is granted; granted or conditional with one
    /// conditional is conditional; some granted is partial; none is denied.</summary>
    /// <param name="roleStatements">The role's own statements, to compare conditions with; null when unreadable
    /// (a conditional answer then names the context keys the role's conditions wanted).</param>
    public static GroupResult From(PermissionGroup group, IReadOnlyList<(ActionQuestion Question, ActionVerdict Verdict)> answers, IReadOnlyList<Statement>? roleStatements)
    {
        var missing = new List<string>();
        var conditions = new List<string>();
        var causes = new List<(string Cause, List<string> Actions)>();
        int granted = 0, conditional = 0;
        var missingSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (question, verdict) in answers)
        {
            if (verdict.IsAllowed)
            {
                granted++;
                continue;
            }

            if (verdict.IsConditional)
            {
                var extra = roleStatements is null ? null : ConditionComparison.ExtraConditions(roleStatements, question);
                if (extra is { Count: 0 })
                {
                    granted++;
                    continue;
                }

                conditional++;
                var added = extra is null
                    ? verdict.MissingContextKeys.Select(k => $"requires {k}")
                    : extra.Select(ConditionText.Format);
                foreach (var text in added)
                {
                    if (!conditions.Contains(text))
                    {
                        conditions.Add(text);
                    }
                }

                continue;
            }

            if (!missingSet.Add(question.Action))
            {
                continue;
            }

            missing.Add(question.Action);
            var cause = verdict.Reason;
            var entry = causes.FindIndex(c => c.Cause == cause);
            if (entry < 0)
            {
                causes.Add((cause, [question.Action]));
            }
            else
            {
                causes[entry].Actions.Add(question.Action);
            }
        }

        var status = missing.Count == 0
            ? conditional == 0 ? GroupStatus.Granted : GroupStatus.Conditional
            : granted + conditional > 0 ? GroupStatus.Partial : GroupStatus.Denied;
        return new GroupResult(group.Sid, status, group.Optional, [.. missing], [.. conditions],
            [.. causes.Select(c => $"{c.Cause}: {string.Join(", ", c.Actions)}")]);
    }

    public static GroupResult NotChecked(PermissionGroup group) =>
        new(group.Sid, GroupStatus.NotChecked, group.Optional, [], [], []);
}
