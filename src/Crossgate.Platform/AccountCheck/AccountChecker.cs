namespace Crossgate.Platform.AccountCheck;

/// <summary>Runs a permission profile against one account's role: every group's actions on every resource the group
/// names, answered by an oracle.</summary>
public static class AccountChecker
{
    public static async Task<AccountCheckResult> CheckAsync(
        string alias, string accountId, string roleArn, PermissionProfile profile, IPermissionOracle oracle, CancellationToken cancellation)
    {
        var groups = new List<GroupResult>(profile.Groups.Length);
        foreach (var group in profile.Groups)
        {
            var verdicts = await oracle.EvaluateAsync(roleArn, group.Actions, group.Resources, cancellation).ConfigureAwait(false);
            groups.Add(GroupResult.From(group, verdicts));
        }

        return new AccountCheckResult(alias, accountId, roleArn, true, null, [.. groups]);
    }

    /// <summary>The result for an account whose role could not be assumed: every group unchecked.</summary>
    public static AccountCheckResult NotAssumable(string alias, string accountId, string roleArn, string reason, PermissionProfile profile) =>
        new(alias, accountId, roleArn, false, reason, [.. profile.Groups.Select(GroupResult.NotChecked)]);
}
