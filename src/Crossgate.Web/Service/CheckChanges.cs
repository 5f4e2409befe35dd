using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Service;

/// <summary>What changed between an account's previous check and this one: assumability, and each group present in
/// both whose status moved (granted → denied, say). A first check changes nothing.</summary>
public static class CheckChanges
{
    public static IReadOnlyList<PlatformEvent> Between(StoredCheck? previous, StoredCheck current)
    {
        if (previous is null)
        {
            return [];
        }

        var events = new List<PlatformEvent>();
        if (previous.Assumable != current.Assumable)
        {
            var from = previous.Assumable ? "assumable" : "notAssumable";
            var to = current.Assumable ? "assumable" : "notAssumable";
            var message = current.Assumable
                ? $"{current.Alias}: the role can be assumed again."
                : $"{current.Alias}: the role can no longer be assumed: {current.Reason}";
            events.Add(new PlatformEvent(0, current.FinishedAt, current.Alias, PlatformEvent.AssumabilityChanged, null, from, to, message));
        }

        foreach (var group in current.Groups)
        {
            var before = previous.Groups.FirstOrDefault(g => g.Sid == group.Sid);
            if (before is null || before.Status == group.Status || group.Status == "notChecked" || before.Status == "notChecked")
            {
                continue;
            }

            events.Add(new PlatformEvent(0, current.FinishedAt, current.Alias, PlatformEvent.GroupStatusChanged, group.Sid, before.Status, group.Status,
                $"{current.Alias}: group {group.Sid} went from {before.Status} to {group.Status}."));
        }

        return events;
    }
}
