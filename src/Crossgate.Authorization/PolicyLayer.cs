namespace Crossgate.Authorization;

/// <summary>The kinds of policy that bear on one request, in the order AWS's evaluation logic visits them.</summary>
public enum PolicyLayer
{
    ResourceControl,
    ServiceControl,
    Resource,
    Identity,
    PermissionsBoundary,
    Session,
}

public static class PolicyLayerNames
{
    /// <summary>How AWS names the layer in a denial message ("... in a service control policy").</summary>
    public static string DenialName(this PolicyLayer layer) => layer switch
    {
        PolicyLayer.ResourceControl => "resource control policy",
        PolicyLayer.ServiceControl => "service control policy",
        PolicyLayer.Resource => "resource-based policy",
        PolicyLayer.Identity => "identity-based policy",
        PolicyLayer.PermissionsBoundary => "permissions boundary",
        _ => "session policy",
    };

    /// <summary>A stable camel-case name for JSON output.</summary>
    public static string ToWireName(this PolicyLayer layer) => layer switch
    {
        PolicyLayer.ResourceControl => "resourceControlPolicies",
        PolicyLayer.ServiceControl => "serviceControlPolicies",
        PolicyLayer.Resource => "resourcePolicy",
        PolicyLayer.Identity => "identityPolicies",
        PolicyLayer.PermissionsBoundary => "permissionsBoundary",
        _ => "sessionPolicies",
    };
}
