namespace Crossgate.Policies.Parsing;

/// <summary>Resource-based policies (bucket, key, queue…): each statement names a Principal or NotPrincipal
/// and its resources; NotPrincipal only with Deny (UG reference_policies_elements_notprincipal).</summary>
internal sealed class ResourcePolicyValidator : PolicyKindValidator
{
    public static readonly ResourcePolicyValidator Instance = new();

    protected override void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        if (!layout.HasPrincipal)
        {
            errors.Malformed(PolicyMessages.MissingPrincipal, layout.Path);
        }
        else if (statement.IsNotPrincipal && statement.Effect == Effect.Allow)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, layout.PrincipalPath);
        }

        if (!statement.HasResource)
        {
            errors.Malformed(PolicyMessages.MustContainResources, layout.Path);
        }
    }
}
