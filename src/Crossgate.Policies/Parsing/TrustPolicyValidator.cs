using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Parsing;

/// <summary>Role trust policies: Principal required, NotPrincipal and Resource/NotResource prohibited, and
/// actions limited to the assume-role family and the session extras AWS accepts there.</summary>
internal sealed class TrustPolicyValidator : PolicyKindValidator
{
    public static readonly TrustPolicyValidator Instance = new();

    private static readonly string[] TrustActions =
    [
        "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "TagSession", "SetSourceIdentity", "SetContext",
    ];

    protected override void ValidateStatement(Statement statement, StatementLayout layout, PolicyErrorList errors)
    {
        RequireAlphanumericSid(statement, layout, errors);
        if (!layout.HasPrincipal)
        {
            errors.Malformed(PolicyMessages.MissingPrincipal, layout.Path);
        }
        else if (statement.IsNotPrincipal)
        {
            errors.Malformed(PolicyMessages.ProhibitedField("NotPrincipal"), layout.PrincipalPath);
        }

        if (statement.HasResource)
        {
            errors.Malformed(PolicyMessages.ProhibitedField(statement.IsNotResource ? "NotResource" : "Resource"), layout.ResourcePath);
        }

        if (statement.IsNotAction)
        {
            errors.Malformed(PolicyMessages.TrustPolicyActions, layout.ActionPath);
            return;
        }

        for (var i = 0; i < statement.Actions.Length; i++)
        {
            if (!IsTrustAction(statement.Actions[i]))
            {
                errors.Malformed(PolicyMessages.TrustPolicyActions, layout.ActionItemPath(i));
            }
        }
    }

    /// <summary>True for <c>sts:</c> actions whose name (a pattern) covers at least one trust-policy action.</summary>
    internal static bool IsTrustAction(string action)
    {
        var colon = action.IndexOf(':');
        if (colon < 0 || !action.AsSpan(0, colon).Equals("sts", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = action.AsSpan(colon + 1);
        foreach (var candidate in TrustActions)
        {
            if (Wildcard.IsMatch(name, candidate, ignoreCase: true))
            {
                return true;
            }
        }

        return false;
    }
}
