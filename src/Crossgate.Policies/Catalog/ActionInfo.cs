using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>One IAM action, e.g. <c>s3:GetObject</c>.</summary>
public sealed class ActionInfo
{
    internal ActionInfo(ServiceInfo service, string name, AccessLevel accessLevel,
        ImmutableArray<ActionResource> resourceTypes, ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Service = service;
        Name = name;
        FullName = service.Prefix + ":" + name;
        AccessLevel = accessLevel;
        ResourceTypes = resourceTypes;
        ConditionKeys = conditionKeys;
    }

    public ServiceInfo Service { get; }

    /// <summary>The action name with AWS's casing, without the service prefix.</summary>
    public string Name { get; }

    /// <summary><c>prefix:Name</c> with AWS's casing.</summary>
    public string FullName { get; }

    public AccessLevel AccessLevel { get; }

    /// <summary>Resource types the action is authorized against; empty means the action only applies to
    /// <c>"Resource": "*"</c>.</summary>
    public ImmutableArray<ActionResource> ResourceTypes { get; }

    /// <summary>Service-specific and global keys AWS documents for this action (including the keys of its
    /// resource types as listed for the action).</summary>
    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    public bool SupportsResourceLevelPermissions => !ResourceTypes.IsEmpty;

    /// <summary>Whether a statement resource pattern can apply to this action: for actions without resource
    /// types only a pattern that matches <c>*</c> itself; otherwise one whose ARNs overlap a resource type.</summary>
    public bool CanApplyTo(string resourcePattern)
    {
        if (ResourceTypes.IsEmpty)
        {
            return resourcePattern.AsSpan().Trim('*').IsEmpty && resourcePattern.Length > 0;
        }

        foreach (var resource in ResourceTypes)
        {
            if (resource.Type.CouldMatch(resourcePattern))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => FullName;
}
