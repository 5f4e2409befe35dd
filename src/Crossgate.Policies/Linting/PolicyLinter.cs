using System.Collections.Immutable;
using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Linting;

/// <summary>Checks a parsed policy beyond its grammar, in the spirit of IAM Access Analyzer's ValidatePolicy:
/// unknown services, actions and condition keys; resources and actions that do not fit; overly broad grants;
/// redundancy. Grammar errors are the parser's job (<see cref="PolicyParser"/>); the linter assumes a valid document.</summary>
public sealed class PolicyLinter
{
    private static readonly Lazy<PolicyLinter> LazyDefault = new(() => new PolicyLinter(ActionCatalog.Default));

    private readonly ActionCatalog catalog;
    private readonly LintOptions options;

    public PolicyLinter(ActionCatalog catalog, LintOptions? options = null)
    {
        this.catalog = catalog;
        this.options = options ?? LintOptions.None;
    }

    /// <summary>A linter over the embedded catalog, with no options.</summary>
    public static PolicyLinter Default => LazyDefault.Value;

    /// <summary>Findings ordered by severity (errors first).</summary>
    public ImmutableArray<PolicyFinding> Lint(PolicyDocument document)
    {
        var context = new LintContext(document, catalog, options);
        DocumentRules.Check(context);
        ActionRules.Check(context);
        ResourceRules.Check(context);
        ConditionKeyRules.Check(context);
        PermissivenessRules.Check(context);
        PrincipalRules.Check(context);
        RedundancyRules.Check(context);

        // Stable sort: within one severity, findings stay in rule order, each rule in document order.
        return [.. context.Findings.OrderBy(f => f.Severity)];
    }
}
