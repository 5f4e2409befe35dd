using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Api;

/// <summary>Stored rows as the API shows them.</summary>
public static class ApiViews
{
    public static CheckView Check(StoredCheck check) => new(
        check.Id, check.StartedAt, check.FinishedAt, check.Assumable, check.Reason, check.Verdict,
        [.. check.Groups.Select(g => new GroupView(g.Sid, g.Status, g.MissingActions, g.Conditions, g.Reasons))]);

    /// <summary>An account is assumable as its last check found it; before any check, as it was proven when added.</summary>
    public static AccountView Account(RegisteredAccount account, StoredCheck? lastCheck) => new(
        account.Alias, account.AccountId, account.RoleArn, account.ExternalId, lastCheck?.Assumable ?? true,
        lastCheck is { Assumable: false } ? lastCheck.Reason : null, account.RegisteredAt, lastCheck is null ? null : Check(lastCheck));

    public static EventView Event(PlatformEvent change) =>
        new(change.Id, change.Time, change.Alias, change.Kind, change.Sid, change.From, change.To, change.Message);
}
