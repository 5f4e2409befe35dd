namespace Crossgate.Authorization;

/// <summary>The STS actions that a role's trust policy decides.</summary>
public static class StsActions
{
    public const string AssumeRole = "sts:AssumeRole";

    /// <summary>Needs no permission and succeeds even under an explicit deny.</summary>
    public const string GetCallerIdentity = "sts:GetCallerIdentity";

    /// <summary>Actions authorized by the role's trust policy: for these an identity-policy allow alone is never
    /// enough, and a root caller is refused outright for <c>sts:AssumeRole</c>.</summary>
    public static bool IsAssumeRoleFamily(string action) =>
        action.Equals(AssumeRole, StringComparison.OrdinalIgnoreCase)
        || action.Equals("sts:AssumeRoleWithSAML", StringComparison.OrdinalIgnoreCase)
        || action.Equals("sts:AssumeRoleWithWebIdentity", StringComparison.OrdinalIgnoreCase)
        || action.Equals("sts:TagSession", StringComparison.OrdinalIgnoreCase)
        || action.Equals("sts:SetSourceIdentity", StringComparison.OrdinalIgnoreCase)
        || action.Equals("sts:SetContext", StringComparison.OrdinalIgnoreCase);
}
