namespace Crossgate.Policies.Linting;

/// <summary>What the linter may know beyond the document.</summary>
public sealed record LintOptions
{
    public static readonly LintOptions None = new();

    /// <summary>The account that owns the policy (e.g. the role's account for a trust policy). When set, a trust
    /// policy that trusts this account is not reported as trusting a foreign account.</summary>
    public string? OwnerAccountId { get; init; }
}
