using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One account's answer: whether its role could be assumed (and why not), and each group's verdict.</summary>
public sealed record AccountCheckResult(
    string Alias, string AccountId, string RoleArn, bool Assumable, string? Reason, ImmutableArray<GroupResult> Groups)
{
    /// <summary>True when every group that is not optional is granted.</summary>
    public bool AllRequiredGranted
    {
        get
        {
            foreach (var group in Groups)
            {
                if (!group.Optional && group.Status != GroupStatus.Granted)
                {
                    return false;
                }
            }

            return Assumable;
        }
    }
}
