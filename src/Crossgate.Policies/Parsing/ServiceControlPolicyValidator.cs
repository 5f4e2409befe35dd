namespace Crossgate.Policies.Parsing;

/// <summary>Service control policies (ORG orgs_manage_policies_scps_syntax): Version must be 2012-10-17 and
/// Principal/NotPrincipal are not supported. Since 2024 Allow statements may use Condition, NotAction and
/// NotResource, so nothing else is restricted. Organizations refuses with one generic message.</summary>
internal sealed class ServiceControlPolicyValidator : PolicyKindValidator
{
    public static readonly ServiceControlPolicyValidator Instance = new();

    protected override void ValidateDocument(PolicyReadResult read, PolicyErrorList errors) =>
        OrganizationsPolicyRules.RequireCurrentVersion(read, errors);

    protected override void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        if (layout.HasPrincipal)
        {
            errors.Malformed(PolicyMessages.OrganizationsPolicyTypeMismatch, layout.PrincipalPath);
        }
    }
}
