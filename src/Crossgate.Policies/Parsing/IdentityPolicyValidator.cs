namespace Crossgate.Policies.Parsing;

/// <summary>Identity-based policies, permissions boundaries and session policies: no Principal/NotPrincipal,
/// and every statement names its resources (aws-iam-semantics.md §2.1).</summary>
internal sealed class IdentityPolicyValidator : PolicyKindValidator
{
    public static readonly IdentityPolicyValidator Instance = new();

    protected override void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        RequireAlphanumericSid(statement, layout, errors);
        if (layout.HasPrincipal)
        {
            errors.Malformed(PolicyMessages.ShouldNotSpecifyPrincipal, layout.PrincipalPath);
        }

        if (!statement.HasResource)
        {
            errors.Malformed(PolicyMessages.MustContainResources, layout.Path);
        }
    }
}
