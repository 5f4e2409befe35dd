namespace Crossgate.Directory.Model;

public enum OrganizationPolicyType
{
    ServiceControlPolicy,
    ResourceControlPolicy,
}

public static class OrganizationPolicyTypeNames
{
    public const string ServiceControl = "SERVICE_CONTROL_POLICY";
    public const string ResourceControl = "RESOURCE_CONTROL_POLICY";

    public static string ToWireName(this OrganizationPolicyType type) =>
        type == OrganizationPolicyType.ServiceControlPolicy ? ServiceControl : ResourceControl;

    public static bool TryParse(string? wire, out OrganizationPolicyType type)
    {
        switch (wire)
        {
            case ServiceControl:
                type = OrganizationPolicyType.ServiceControlPolicy;
                return true;
            case ResourceControl:
                type = OrganizationPolicyType.ResourceControlPolicy;
                return true;
            default:
                type = default;
                return false;
        }
    }
}
