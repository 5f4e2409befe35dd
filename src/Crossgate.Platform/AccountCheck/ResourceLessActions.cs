using Crossgate.Policies.Catalog;

namespace Crossgate.Platform.AccountCheck;

/// <summary>Actions that have no resource-level permissions (<c>s3:ListAllMyBuckets</c>,
/// <c>ssm:DescribeInstanceInformation</c>): AWS authorizes them against <c>*</c> only.</summary>
public static class ResourceLessActions
{
    public static bool IsResourceLess(string action) =>
        ActionCatalog.Default.TryGetAction(action, out var info) && !info.SupportsResourceLevelPermissions;
}
