using Crossgate.Policies.Evaluation;

namespace Crossgate.Authorization;

/// <summary>How a resource policy's allowing statement named the caller, which decides whether the grant stands on
/// its own in the same account (AWS's table of resource-policy grants against implicit denies).</summary>
internal enum ResourceGrant
{
    None,

    /// <summary>The account (<c>111111111111</c> or <c>:root</c>): a delegation that needs an identity allow too.</summary>
    Account,

    /// <summary>The role of the calling session: boundary and session policies still limit it.</summary>
    Role,

    /// <summary>The user, the session, the federated user, a service or <c>*</c>: sufficient on its own.</summary>
    Direct,
}

internal static class ResourceGrantRules
{
    public static ResourceGrant From(PrincipalMatch match) => match switch
    {
        PrincipalMatch.Account or PrincipalMatch.NotApplicable => ResourceGrant.Account,
        PrincipalMatch.Role => ResourceGrant.Role,
        PrincipalMatch.None => ResourceGrant.None,
        _ => ResourceGrant.Direct,
    };
}
