using System.Globalization;
using Crossgate.Platform.AccountCheck;

namespace Crossgate.Cli.Output;

/// <summary>The account check for people: one line per account with its verdict, then what is wrong with each
/// group that is not granted (granted groups collapsed into one line unless verbose), then a summary that says how
/// many accounts are in each state and why the exit code is what it is.</summary>
internal static class AccountCheckReport
{
    public static void Write(IReadOnlyList<AccountCheckResult> results, TextWriter output, bool verbose)
    {
        var width = TextWrap.Width(output);
        var aliasWidth = Math.Min(24, results.Count == 0 ? 5 : results.Max(r => r.Alias.Length));
        foreach (var result in results)
        {
            var head = $"{result.Alias.PadRight(aliasWidth)}  {result.AccountId}  {result.Verdict.ToText()}";
            TextWrap.Write(output, head, width, 0, 4);
            if (result.Reason is not null)
            {
                TextWrap.Write(output, result.Reason, width, 4, 2);
            }

            var granted = new List<string>();
            foreach (var group in result.Groups)
            {
                if (group.Status == GroupStatus.NotChecked)
                {
                    continue;
                }

                var name = group.Sid + (group.Optional ? " (optional)" : string.Empty);
                if (group.Status == GroupStatus.Granted && !verbose)
                {
                    granted.Add(name);
                    continue;
                }

                TextWrap.Write(output, $"{name}: {group.Status.ToWireName()}", width, 4, 4);
                foreach (var condition in group.Conditions)
                {
                    TextWrap.Write(output, "the role adds the condition " + condition, width, 8, 4);
                }

                foreach (var reason in group.Reasons)
                {
                    TextWrap.Write(output, reason, width, 8, 4);
                }
            }

            if (granted.Count > 0)
            {
                TextWrap.Write(output, $"granted ({granted.Count}): {string.Join(", ", granted)}", width, 4, 4);
            }
        }

        output.WriteLine();
        TextWrap.Write(output, Summary(results), width);
        output.Flush();
    }

    /// <summary>How many accounts are in each state, why the exit code is 0 or 1, and that --optional exists.</summary>
    public static string Summary(IReadOnlyList<AccountCheckResult> results)
    {
        var counts = new[] { AccountVerdict.Ready, AccountVerdict.Incomplete, AccountVerdict.NotAssumable, AccountVerdict.NotChecked }
            .Select(v => (Verdict: v, Count: results.Count(r => r.Verdict == v)))
            .ToList();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} account{(results.Count == 1 ? string.Empty : "s")}: {string.Join(", ", counts.Select(c => $"{c.Count} {c.Verdict.ToText()}"))}.");
        var notReady = results.Count - counts[0].Count;
        if (notReady == 0)
        {
            return line + " Exit 0: every required group is granted in every account.";
        }

        var failing = results.Where(r => r.Verdict == AccountVerdict.Incomplete)
            .SelectMany(r => r.Groups).Where(g => !g.Optional && g.Status != GroupStatus.Granted)
            .Select(g => g.Sid).Distinct(StringComparer.Ordinal).ToList();
        var optionalHint = failing.Count == 0
            ? string.Empty
            : $" A group an account need not have can be left out of the verdict with --optional SID (here: {string.Join(", ", failing)}).";
        return line + string.Create(CultureInfo.InvariantCulture,
            $" Exit 1: {notReady} account{(notReady == 1 ? " is" : "s are")} not ready (ready means the role was assumed and every required group is granted).") + optionalHint;
    }
}
