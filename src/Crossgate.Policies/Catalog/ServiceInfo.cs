using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>An AWS service as IAM knows it: its prefix (e.g. <c>s3</c>), name, actions, resource types and
/// condition keys.</summary>
public sealed class ServiceInfo
{
    // A process asks about a few services of the 450 or so: each one's actions are read from the snapshot when first
    // asked for, and its lookups are plain dictionaries (cheap to build, unlike frozen ones).
    private readonly Lazy<ActionTable> actionTable;
    private readonly Dictionary<string, ResourceTypeInfo> resourceTypesByName;

    /// <param name="readActions">Reads the service's actions, sorted by name, on first use.</param>
    internal ServiceInfo(string prefix, string name, ImmutableArray<ConditionKeyInfo> conditionKeys, ImmutableArray<ResourceTypeInfo> resourceTypes,
        int actionCount, Func<ServiceInfo, ImmutableArray<ActionInfo>> readActions)
    {
        Prefix = prefix;
        Name = name;
        ConditionKeys = conditionKeys;
        ResourceTypes = resourceTypes;
        ActionCount = actionCount;
        resourceTypesByName = new Dictionary<string, ResourceTypeInfo>(resourceTypes.Length, StringComparer.OrdinalIgnoreCase);
        foreach (var type in resourceTypes)
        {
            resourceTypesByName.TryAdd(type.Name, type);
        }

        actionTable = new Lazy<ActionTable>(() => new ActionTable(readActions(this)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Prefix { get; }

    public string Name { get; }

    /// <summary>Actions sorted by name.</summary>
    public ImmutableArray<ActionInfo> Actions => actionTable.Value.Sorted;

    /// <summary>How many actions the service has (known without reading them).</summary>
    public int ActionCount { get; }

    public ImmutableArray<ResourceTypeInfo> ResourceTypes { get; }

    /// <summary>Every condition key documented for the service, including the global keys it lists.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    public bool TryGetAction(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActionInfo? action) =>
        actionTable.Value.ByName.TryGetValue(name, out action);

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

    private sealed class ActionTable
    {
        public ActionTable(ImmutableArray<ActionInfo> sorted)
        {
            Sorted = sorted;
            ByName = new Dictionary<string, ActionInfo>(sorted.Length, StringComparer.OrdinalIgnoreCase);
            foreach (var action in sorted)
            {
                ByName.TryAdd(action.Name, action);
            }
        }

        public ImmutableArray<ActionInfo> Sorted { get; }

        public Dictionary<string, ActionInfo> ByName { get; }
    }
}
