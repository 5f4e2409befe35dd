namespace Crossgate.Platform.AccountCheck;

/// <summary>Which layer refused an action.</summary>
public enum DenialKind
{
    /// <summary>No policy of the role allows it.</summary>
    NoAllow,

    /// <summary>A Deny statement in one of the role's own policies.</summary>
    RolePolicyDeny,

    ServiceControlPolicy,
    ResourceControlPolicy,
    PermissionsBoundary,
    SessionPolicy,
}

/// <summary>Who refused an action, with the policy's name and ARN when known. Online (IAM's simulator) and offline
/// (the engine) build the same cause for the same refusal, so the report says the same words either way.</summary>
public sealed record DenialCause(DenialKind Kind, string? PolicyName = null, string? PolicyArn = null)
{
    public static readonly DenialCause NoAllow = new(DenialKind.NoAllow);

    public string Describe()
    {
        var named = PolicyName is null ? null : PolicyArn is null ? PolicyName : $"{PolicyName} ({PolicyArn})";
        return Kind switch
        {
            DenialKind.RolePolicyDeny => named is null ? "explicitly denied by a policy of the role" : $"explicitly denied by the role's policy {named}",
            DenialKind.ServiceControlPolicy => named is null ? "denied by a service control policy of the organization" : $"denied by the service control policy {named}",
            DenialKind.ResourceControlPolicy => named is null ? "denied by a resource control policy of the organization" : $"denied by the resource control policy {named}",
            DenialKind.PermissionsBoundary => named is null ? "not allowed by the role's permissions boundary" : $"not allowed by the role's permissions boundary {named}",
            DenialKind.SessionPolicy => "not allowed by the session policy",
            _ => "no policy of the role allows it",
        };
    }

    /// <summary>The name a policy ARN ends with (<c>…/service_control_policy/p-abc</c> has none better than its id).</summary>
    public static string NameFromArn(string arn)
    {
        var slash = arn.LastIndexOf('/');
        return slash >= 0 ? arn[(slash + 1)..] : arn;
    }
}
