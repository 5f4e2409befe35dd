namespace Crossgate.Policies;

/// <summary>Where a policy is attached; it decides which elements the document may and must carry.</summary>
public enum PolicyKind
{
    Identity,
    Resource,
    Trust,
    PermissionsBoundary,
    Session,
    ServiceControl,
    ResourceControl,
}
