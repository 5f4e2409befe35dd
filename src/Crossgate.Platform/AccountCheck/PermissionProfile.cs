using System.Collections.Immutable;
using Crossgate.Policies;
using Crossgate.Policies.Catalog;
using Crossgate.Policies.Matching;

namespace Crossgate.Platform.AccountCheck;

/// <summary>A platform's published cross-account policy read as permission groups: every <c>Allow</c> statement's
/// <c>Sid</c> names the group it belongs to (statements without one are named <c>Statement{index}</c>).</summary>
public sealed class PermissionProfile
{
    private PermissionProfile(ImmutableArray<PermissionGroup> groups) => Groups = groups;

    public ImmutableArray<PermissionGroup> Groups { get; }

    /// <summary>Reads a profile; the document must be a valid identity policy. Action patterns are expanded with
    /// the action catalog so that each real action is checked on its own.</summary>
    public static (PermissionProfile? Profile, PolicyError? Error) Parse(string json, IReadOnlySet<string>? optionalSids = null)
    {
        var parsed = PolicyParser.Parse(json, PolicyKind.Identity);
        if (!parsed.Success)
        {
            return (null, parsed.Errors[0]);
        }

        var order = new List<string>();
        var actions = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var resources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var statement in parsed.Document.Statements)
        {
            if (statement.Effect != Effect.Allow || statement.IsNotAction)
            {
                continue;
            }

            var sid = string.IsNullOrEmpty(statement.Sid) ? $"Statement{statement.Index}" : statement.Sid;
            if (!actions.TryGetValue(sid, out var groupActions))
            {
                order.Add(sid);
                actions[sid] = groupActions = [];
                resources[sid] = [];
            }

            foreach (var pattern in statement.Actions)
            {
                AddDistinct(groupActions, Expand(pattern));
            }

            AddDistinct(resources[sid], statement.HasResource && !statement.IsNotResource ? statement.Resources : ["*"]);
        }

        var groups = order
            .Select(sid => new PermissionGroup(sid, [.. actions[sid]], [.. resources[sid]], optionalSids?.Contains(sid) == true))
            .ToImmutableArray();
        return (new PermissionProfile(groups), null);
    }

    private static IEnumerable<string> Expand(string pattern)
    {
        if (!Wildcard.HasWildcard(pattern))
        {
            return [ActionCatalog.Default.TryGetAction(pattern, out var action) ? action.FullName : pattern];
        }

        var expanded = ActionCatalog.Default.Expand(pattern);
        return expanded.IsEmpty ? [pattern] : expanded.Select(a => a.FullName);
    }

    private static void AddDistinct(List<string> list, IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            if (!list.Contains(item, StringComparer.OrdinalIgnoreCase))
            {
                list.Add(item);
            }
        }
    }
}
