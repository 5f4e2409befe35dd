using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One account's answer: whether its role could be assumed (and why not), and each group's verdict.</summary>
public sealed record AccountCheckResult(
    string Alias, string AccountId, string RoleArn, bool Assumable, string? Reason, ImmutableArray<GroupResult> Groups)
{
    /// <summary>True when the role was assumed and every group that is not optional is granted.</summary>
    public bool AllRequiredGranted => Verdict == AccountVerdict.Ready;

    /// <summary>How long STS took to answer the check's <c>AssumeRole</c>, as the platform saw it; null offline
    /// (nothing is called).</summary>
    public TimeSpan? AssumeRoleTime { get; init; }

    /// <summary>Ready when every required group is granted; not assumable or not checked when nothing could be
    /// asked; incomplete otherwise.</summary>
    public AccountVerdict Verdict
    {
        get
        {
            if (!Assumable)
            {
                return AccountVerdict.NotAssumable;
            }

            var ready = true;
            foreach (var group in Groups)
            {
                if (group.Status == GroupStatus.NotChecked)
                {
                    return AccountVerdict.NotChecked;
                }

                ready &= group.Optional || group.Status == GroupStatus.Granted;
            }

            return ready ? AccountVerdict.Ready : AccountVerdict.Incomplete;
        }
    }
}
