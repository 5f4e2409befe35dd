using Crossgate.Policies.Matching;

namespace Crossgate.Policies.Linting;

/// <summary>Who a trust or resource policy lets in: everyone (<c>"*"</c>) or a whole account with no condition,
/// and Allow with NotPrincipal.</summary>
internal static class PrincipalRules
{
    public static void Check(LintContext context)
    {
        var isTrust = context.Document.Kind == PolicyKind.Trust;
        foreach (var statement in context.Document.Statements)
        {
            if (statement.Effect != Effect.Allow || statement.Principal is null)
            {
                continue;
            }

            var path = LintContext.PrincipalPath(statement);
            if (statement.IsNotPrincipal)
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.AllowWithNotPrincipal,
                    "Using Allow with NotPrincipal can be overly permissive. We recommend that you use Principal instead.", path);
                continue;
            }

            if (!statement.Condition.IsEmpty)
            {
                continue;
            }

            var principal = statement.Principal;
            if (principal.IsWildcard || principal.Aws.Contains("*"))
            {
                context.Report(FindingSeverity.SecurityWarning, FindingCodes.WildcardPrincipalWithoutCondition,
                    isTrust
                        ? "The role trusts every AWS principal (\"*\") with no condition: a principal in any AWS account can assume it. Name the trusted principals or add a condition such as aws:PrincipalOrgID or sts:ExternalId."
                        : "The policy grants access to every principal (\"*\"), including principals in any AWS account and anonymous callers, with no condition. Name the principals or add a condition such as aws:PrincipalOrgID.",
                    path);
                continue;
            }

            if (!isTrust)
            {
                continue;
            }

            for (var i = 0; i < principal.Aws.Length; i++)
            {
                var account = AccountOf(principal.Aws[i]);
                if (account is null || account == context.Options.OwnerAccountId)
                {
                    continue;
                }

                context.Report(FindingSeverity.SecurityWarning, FindingCodes.TrustsAccountWithoutCondition,
                    $"The role trusts the whole account {account} with no condition: every principal in it whose own policies allow sts:AssumeRole can assume the role. Name the trusted roles or users, or add a condition such as sts:ExternalId or aws:PrincipalArn.",
                    $"{path}.AWS[{i}]");
            }
        }
    }

    /// <summary>The account id when the principal is a whole account (<c>123456789012</c> or
    /// <c>arn:aws:iam::123456789012:root</c>), else null.</summary>
    private static string? AccountOf(string principal)
    {
        if (IsAccountId(principal))
        {
            return principal;
        }

        return Arn.TryParse(principal, out var arn) && arn.Service == "iam" && arn.Resource == "root" && IsAccountId(arn.Account)
            ? arn.Account
            : null;
    }

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);
}
