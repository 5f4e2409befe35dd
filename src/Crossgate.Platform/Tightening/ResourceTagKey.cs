using Crossgate.Policies.Catalog;

namespace Crossgate.Platform.Tightening;

/// <summary>Chooses the condition key that carries a resource's tag for an action: the service's own
/// <c>PREFIX:ResourceTag/KEY</c> family when the action catalog documents one for the action (SSM checks
/// instances through <c>ssm:resourceTag/KEY</c>), otherwise the global <c>aws:ResourceTag/KEY</c>.</summary>
public static class ResourceTagKey
{
    private const string Placeholder = "/${TagKey}";

    public static string For(string actionPattern, string tagKey, ActionCatalog catalog)
    {
        // A pattern picks the service key only when every action it covers documents the same one.
        string? chosen = null;
        var actions = catalog.Expand(actionPattern);
        foreach (var action in actions)
        {
            var key = ServiceKeyOf(action, catalog);
            if (key is null || (chosen is not null && !string.Equals(chosen, key, StringComparison.Ordinal)))
            {
                return Global(tagKey);
            }

            chosen = key;
        }

        return chosen is null ? Global(tagKey) : chosen[..^Placeholder.Length] + "/" + tagKey;
    }

    private static string Global(string tagKey) => "aws:ResourceTag/" + tagKey;

    // The documented templated name, e.g. "ssm:resourceTag/${TagKey}", with the catalog's casing.
    private static string? ServiceKeyOf(ActionInfo action, ActionCatalog catalog)
    {
        var prefix = action.Service.Prefix + ":";
        foreach (var key in catalog.ConditionKeysOf(action.FullName))
        {
            if (key.IsTemplate
                && key.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && key.Name.EndsWith(Placeholder, StringComparison.Ordinal)
                && key.Name.AsSpan(prefix.Length, key.Name.Length - prefix.Length - Placeholder.Length).Equals("resourceTag", StringComparison.OrdinalIgnoreCase))
            {
                return key.Name;
            }
        }

        return null;
    }
}
