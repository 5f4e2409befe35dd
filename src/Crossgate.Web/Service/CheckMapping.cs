using System.Collections.Immutable;
using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Service;

/// <summary>The one place where the platform's check result becomes the service's check: the verdict and the
/// groups in the shape of <c>accounts check --output json</c>.</summary>
public static class CheckMapping
{
    public const string Ready = "ready";
    public const string Incomplete = "incomplete";
    public const string NotAssumable = "notAssumable";
    public const string NotChecked = "notChecked";

    /// <summary>The check's own verdict, except that an assumed role with no group asked (no profile stored) is
    /// not checked rather than ready.</summary>
    public static string Verdict(AccountCheckResult result) =>
        result.Assumable && result.Groups.IsEmpty ? NotChecked : result.Verdict.ToWireName();

    public static StoredCheck ToStored(AccountCheckResult result, DateTimeOffset startedAt, DateTimeOffset finishedAt) =>
        new(0, result.Alias, startedAt, finishedAt, result.Assumable, result.Reason, Verdict(result),
            [.. result.Groups.Select(g => new StoredGroup(g.Sid, g.Status.ToWireName(), g.MissingActions, g.Conditions, g.Reasons))]);

    /// <summary>One line kept with the registration, as <c>accounts check</c> keeps it.</summary>
    public static string Summary(AccountCheckResult result) => RegistryAccountCheck.Summarize(result);

    /// <summary>An account whose role was assumed but that no profile could be checked against.</summary>
    public static AccountCheckResult WithoutProfile(RegisteredAccount account, string reason) =>
        new(account.Alias, account.AccountId, account.RoleArn, true, reason, ImmutableArray<GroupResult>.Empty);
}
