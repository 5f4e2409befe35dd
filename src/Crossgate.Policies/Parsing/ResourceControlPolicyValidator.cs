namespace Crossgate.Policies.Parsing;

/// <summary>Resource control policies (ORG orgs_manage_policies_rcps_syntax): Version 2012-10-17; elements
/// Sid, Effect, Principal, Action, Resource/NotResource, Condition only (no NotPrincipal, no NotAction);
/// Principal is <c>"*"</c>; custom RCPs may only Deny — Allow exists only as RCPFullAWSAccess
/// (Allow, Principal "*", Action "*", Resource "*", no Condition).</summary>
internal sealed class ResourceControlPolicyValidator : PolicyKindValidator
{
    public static readonly ResourceControlPolicyValidator Instance = new();

    protected override void ValidateDocument(PolicyReadResult read, PolicyErrorList errors) =>
        OrganizationsPolicyRules.RequireCurrentVersion(read, errors);

    protected override void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        const string message = PolicyMessages.OrganizationsPolicyTypeMismatch;
        if (!layout.HasPrincipal)
        {
            errors.Malformed(message, layout.Path);
        }
        else if (statement.IsNotPrincipal || statement.Principal is not { IsWildcard: true } principal || HasNamedPrincipals(principal))
        {
            errors.Malformed(message, layout.PrincipalPath);
        }

        if (statement.IsNotAction)
        {
            errors.Malformed(message, layout.ActionPath);
        }

        if (!statement.HasResource)
        {
            errors.Malformed(message, layout.Path);
        }

        if (statement.Effect == Effect.Allow && !IsFullAccessAllow(statement))
        {
            errors.Malformed(message, JsonPath.Property(layout.Path, "Effect"));
        }
    }

    private static bool HasNamedPrincipals(PrincipalSet principal) =>
        !principal.Aws.IsEmpty || !principal.Service.IsEmpty || !principal.Federated.IsEmpty || !principal.CanonicalUser.IsEmpty;

    private static bool IsFullAccessAllow(Statement statement) =>
        !statement.IsNotAction && statement.Actions is ["*"]
        && statement.HasResource && !statement.IsNotResource && statement.Resources is ["*"]
        && statement.Condition.IsEmpty;
}
