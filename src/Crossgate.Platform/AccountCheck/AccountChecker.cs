using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Runs a permission profile against one account's role: every group's questions (each action on each
/// resource it must reach, resource-less actions on <c>*</c>) asked of an oracle at once; the role's own statements
/// are read only when an answer depends on conditions.</summary>
public static class AccountChecker
{
    public static async Task<AccountCheckResult> CheckAsync(
        string alias, string accountId, string roleArn, PermissionProfile profile, IPermissionOracle oracle, CancellationToken cancellation)
    {
        var questions = profile.Groups.Select(g => g.Questions()).ToList();
        var pairs = new List<(string, string)>();
        var seen = new HashSet<(string, string)>();
        foreach (var question in questions.SelectMany(q => q))
        {
            if (seen.Add(Key(question.Action, question.Resource)))
            {
                pairs.Add((question.Action, question.Resource));
            }
        }

        var verdicts = new Dictionary<(string, string), ActionVerdict>();
        foreach (var verdict in await oracle.EvaluateAsync(roleArn, pairs, cancellation).ConfigureAwait(false))
        {
            verdicts.TryAdd(Key(verdict.Action, verdict.Resource), verdict);
        }

        IReadOnlyList<Statement>? roleStatements = null;
        if (verdicts.Values.Any(v => v.IsConditional))
        {
            roleStatements = await oracle.RoleStatementsAsync(roleArn, cancellation).ConfigureAwait(false);
        }

        var groups = new List<GroupResult>(profile.Groups.Length);
        for (var i = 0; i < profile.Groups.Length; i++)
        {
            var answers = questions[i]
                .Select(q => (q, verdicts.TryGetValue(Key(q.Action, q.Resource), out var v)
                    ? v
                    : new ActionVerdict(q.Action, q.Resource, "implicitDeny", [], DenialCause.NoAllow)))
                .ToList();
            groups.Add(GroupResult.From(profile.Groups[i], answers, roleStatements));
        }

        return new AccountCheckResult(alias, accountId, roleArn, true, null, [.. groups]);
    }

    private static (string, string) Key(string action, string resource) => (action.ToLowerInvariant(), resource);

    /// <summary>The result for an account whose role could not be assumed: every group unchecked.</summary>
    public static AccountCheckResult NotAssumable(string alias, string accountId, string roleArn, string reason, PermissionProfile profile) =>
        new(alias, accountId, roleArn, false, reason, [.. profile.Groups.Select(GroupResult.NotChecked)]);
}
