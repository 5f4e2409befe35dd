using System.Collections.Immutable;
using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Linting;

/// <summary>State shared by the rules during one lint: the document, the catalog, the findings so far and
/// a cache of action-pattern expansions.</summary>
internal sealed class LintContext
{
    private readonly Dictionary<string, ImmutableArray<ActionInfo>> expansions = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PolicyFinding> findings = [];

    public LintContext(PolicyDocument document, ActionCatalog catalog, LintOptions options)
    {
        Document = document;
        Catalog = catalog;
        Options = options;
    }

    public PolicyDocument Document { get; }

    public ActionCatalog Catalog { get; }

    public LintOptions Options { get; }

    public IReadOnlyList<PolicyFinding> Findings => findings;

    public void Report(FindingSeverity severity, string code, string message, string path) =>
        findings.Add(new PolicyFinding(severity, code, message, path));

    public ImmutableArray<ActionInfo> Expand(string pattern)
    {
        if (!expansions.TryGetValue(pattern, out var actions))
        {
            actions = Catalog.Expand(pattern);
            expansions[pattern] = actions;
        }

        return actions;
    }

    public static string StatementPath(Statement statement) => $"Statement[{statement.Index}]";

    public static string ActionPath(Statement statement, int index) =>
        $"{StatementPath(statement)}.{(statement.IsNotAction ? "NotAction" : "Action")}[{index}]";

    public static string ResourcePath(Statement statement, int index) =>
        $"{StatementPath(statement)}.{(statement.IsNotResource ? "NotResource" : "Resource")}[{index}]";

    public static string PrincipalPath(Statement statement) =>
        $"{StatementPath(statement)}.{(statement.IsNotPrincipal ? "NotPrincipal" : "Principal")}";

    public static string ConditionPath(Statement statement, Condition condition) =>
        $"{StatementPath(statement)}.Condition.{condition.Operator}.{condition.Key}";
}
