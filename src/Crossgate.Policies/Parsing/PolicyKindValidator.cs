using System.Buffers;

namespace Crossgate.Policies.Parsing;

/// <summary>The rules one <see cref="PolicyKind"/> adds to the common grammar: which elements it must, may
/// and must not carry. Runs over a document that already passed the common grammar.</summary>
internal abstract class PolicyKindValidator
{
    private static readonly SearchValues<char> AlphaNumeric =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    public static PolicyKindValidator For(PolicyKind kind) => kind switch
    {
        PolicyKind.Identity or PolicyKind.PermissionsBoundary or PolicyKind.Session => IdentityPolicyValidator.Instance,
        PolicyKind.Resource => ResourcePolicyValidator.Instance,
        PolicyKind.Trust => TrustPolicyValidator.Instance,
        PolicyKind.ServiceControl => ServiceControlPolicyValidator.Instance,
        PolicyKind.ResourceControl => ResourceControlPolicyValidator.Instance,
        _ => IdentityPolicyValidator.Instance,
    };

    public void Validate(PolicyReadResult read, PolicyErrorList errors)
    {
        ValidateDocument(read, errors);
        for (var i = 0; i < read.Statements.Length; i++)
        {
            ValidateStatement(read.Statements[i], read.Layouts[i], errors);
        }
    }

    protected virtual void ValidateDocument(PolicyReadResult read, PolicyErrorList errors)
    {
    }

    protected abstract void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors);

    /// <summary>IAM stores only alphanumeric Sids (empty tolerated); other services allow more characters.</summary>
    protected static void RequireAlphanumericSid(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        if (statement.Sid is { } sid && sid.AsSpan().ContainsAnyExcept(AlphaNumeric))
        {
            errors.Malformed(PolicyMessages.SidNotAlphanumeric, layout.SidPath);
        }
    }
}
