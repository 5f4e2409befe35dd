using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>An AWS service as IAM knows it: its prefix (e.g. <c>s3</c>), name, actions, resource types and
/// condition keys.</summary>
public sealed class ServiceInfo
{
    private FrozenDictionary<string, ActionInfo> actionsByName = FrozenDictionary<string, ActionInfo>.Empty;
    private FrozenDictionary<string, ResourceTypeInfo> resourceTypesByName = FrozenDictionary<string, ResourceTypeInfo>.Empty;

    internal ServiceInfo(string prefix, string name, ImmutableArray<ConditionKeyInfo> conditionKeys, ImmutableArray<ResourceTypeInfo> resourceTypes)
    {
        Prefix = prefix;
        Name = name;
        ConditionKeys = conditionKeys;
        ResourceTypes = resourceTypes;
        resourceTypesByName = resourceTypes.ToFrozenDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
    }

    public string Prefix { get; }

    public string Name { get; }

    /// <summary>Actions sorted by name.</summary>
    public ImmutableArray<ActionInfo> Actions { get; private set; } = ImmutableArray<ActionInfo>.Empty;

    public ImmutableArray<ResourceTypeInfo> ResourceTypes { get; }

    /// <summary>Every condition key documented for the service, including the global keys it lists.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    public bool TryGetAction(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActionInfo? action) =>
        actionsByName.TryGetValue(name, out action);

    public bool TryGetResourceType(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResourceTypeInfo? type) =>
        resourceTypesByName.TryGetValue(name, out type);

    public ConditionKeyInfo? FindConditionKey(string key)
    {
        foreach (var candidate in ConditionKeys)
        {
            if (candidate.Matches(key))
            {
                return candidate;
            }
        }

        return null;
    }

    public override string ToString() => $"{Prefix} ({Name})";

    internal void SetActions(ImmutableArray<ActionInfo> actions)
    {
        Actions = actions;
        actionsByName = actions.ToFrozenDictionary(a => a.Name, StringComparer.OrdinalIgnoreCase);
    }
}
