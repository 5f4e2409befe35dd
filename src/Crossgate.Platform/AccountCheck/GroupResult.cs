using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One permission group's verdict in one account, with the actions it lacks, the conditions that limit it,
/// and the reason for each missing action.</summary>
public sealed record GroupResult(
    string Sid, GroupStatus Status, bool Optional, ImmutableArray<string> MissingActions, ImmutableArray<string> Conditions, ImmutableArray<string> Reasons)
{
    /// <summary>Reads a group's verdicts: all allowed is granted; allowed or conditional with at least one
    /// conditional is conditional; some allowed is partial; none allowed is denied.</summary>
    public static GroupResult From(PermissionGroup group, IReadOnlyList<ActionVerdict> verdicts)
    {
        var missing = new List<string>();
        var conditions = new SortedSet<string>(StringComparer.Ordinal);
        var reasons = new List<string>();
        int allowed = 0, conditional = 0;
        foreach (var verdict in verdicts)
        {
            if (verdict.IsAllowed)
            {
                allowed++;
                continue;
            }

            if (verdict.IsConditional)
            {
                conditional++;
                foreach (var key in verdict.MissingContextKeys)
                {
                    conditions.Add(key);
                }

                continue;
            }

            if (!missing.Contains(verdict.Action))
            {
                missing.Add(verdict.Action);
                reasons.Add($"{verdict.Action}: {verdict.Reason ?? verdict.Decision}");
            }
        }

        var status = missing.Count == 0
            ? conditional == 0 ? GroupStatus.Granted : GroupStatus.Conditional
            : allowed + conditional > 0 ? GroupStatus.Partial : GroupStatus.Denied;
        return new GroupResult(group.Sid, status, group.Optional, [.. missing], [.. conditions.Select(k => $"requires {k}")], [.. reasons]);
    }

    public static GroupResult NotChecked(PermissionGroup group) =>
        new(group.Sid, GroupStatus.NotChecked, group.Optional, [], [], []);
}
