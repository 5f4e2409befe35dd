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
        var statements = new Dictionary<string, List<ProfileStatement>>(StringComparer.Ordinal);
        foreach (var statement in parsed.Document.Statements)
        {
            if (statement.Effect != Effect.Allow || statement.IsNotAction)
            {
                continue;
            }

            var sid = string.IsNullOrEmpty(statement.Sid) ? $"Statement{statement.Index}" : statement.Sid;
            if (!statements.TryGetValue(sid, out var groupStatements))
            {
                order.Add(sid);
                statements[sid] = groupStatements = [];
            }

            var actions = new List<string>();
            foreach (var pattern in statement.Actions)
            {
                AddDistinct(actions, Expand(pattern));
            }

            var resources = new List<string>();
            AddDistinct(resources, statement.HasResource && !statement.IsNotResource ? statement.Resources : ["*"]);
            groupStatements.Add(new ProfileStatement([.. actions], [.. resources], statement.Condition));
        }

        var groups = order
            .Select(sid => Group(sid, statements[sid], optionalSids?.Contains(sid) == true))
            .ToImmutableArray();
        return (new PermissionProfile(groups), null);
    }

    private static PermissionGroup Group(string sid, List<ProfileStatement> statements, bool optional)
    {
        var actions = new List<string>();
        var resources = new List<string>();
        foreach (var statement in statements)
        {
            AddDistinct(actions, statement.Actions);
            AddDistinct(resources, statement.Resources);
        }

        return new PermissionGroup(sid, [.. actions], [.. resources], optional, [.. statements]);
    }

    /// <summary>A pattern's actions from the catalog; a plain action stays as the profile spells it (AWS compares
    /// actions ignoring case, and the report should use the profile's words).</summary>
    private static IEnumerable<string> Expand(string pattern)
    {
        if (!Wildcard.HasWildcard(pattern))
        {
            return [pattern];
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
