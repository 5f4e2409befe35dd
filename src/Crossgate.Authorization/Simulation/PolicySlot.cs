namespace Crossgate.Authorization.Simulation;

/// <summary>Where in a scenario a policy was given, which decides its kind and its default name.</summary>
internal enum PolicySlot
{
    Identity,
    Resource,
    Boundary,
    Session,
    ServiceControl,
    ResourceControl,
}

internal static class PolicySlotNames
{
    /// <summary>The scenario member that holds policies of this slot.</summary>
    public static string ListName(this PolicySlot slot) => slot switch
    {
        PolicySlot.Identity => "identityPolicies",
        PolicySlot.Resource => "resourcePolicy",
        PolicySlot.Boundary => "permissionsBoundary",
        PolicySlot.Session => "sessionPolicies",
        PolicySlot.ServiceControl => "serviceControlPolicies",
        _ => "resourceControlPolicies",
    };
}
