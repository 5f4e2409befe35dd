using System.Collections.Immutable;
using Crossgate.Policies.Linting;

namespace Crossgate.Policies.Tests.Linting;

/// <summary>Builds documents directly (independent of the parser) and lints them.</summary>
internal static class Policies
{
    public static Statement Allow(string[] actions, params string[] resources) => new()
    {
        Index = 0,
        Effect = Effect.Allow,
        Actions = [.. actions],
        Resources = [.. resources],
        HasResource = true,
    };

    public static Statement Deny(string[] actions, params string[] resources) => new()
    {
        Index = 0,
        Effect = Effect.Deny,
        Actions = [.. actions],
        Resources = [.. resources],
        HasResource = true,
    };

    public static Statement TrustStatement(PrincipalSet principal, ConditionBlock? condition = null) => new()
    {
        Index = 0,
        Effect = Effect.Allow,
        Principal = principal,
        Actions = ["sts:AssumeRole"],
        Condition = condition ?? ConditionBlock.Empty,
    };

    public static ConditionBlock When(string op, string key, params string[] values)
    {
        Assert.True(ConditionOperator.TryParse(op, out var parsed));
        return new ConditionBlock([new Condition(parsed, key, [.. values])]);
    }

    public static PolicyDocument Document(PolicyKind kind, params Statement[] statements) =>
        new(kind, PolicyDocument.CurrentVersion, null,
            [.. statements.Select((s, i) => Reindex(s, i))]);

    public static PolicyDocument Identity(params Statement[] statements) => Document(PolicyKind.Identity, statements);

    public static ImmutableArray<PolicyFinding> Lint(PolicyDocument document, LintOptions? options = null) =>
        new PolicyLinter(Crossgate.Policies.Catalog.ActionCatalog.Default, options).Lint(document);

    public static ImmutableArray<PolicyFinding> Lint(params Statement[] statements) => Lint(Identity(statements));

    public static PolicyFinding Single(ImmutableArray<PolicyFinding> findings, string code)
    {
        var matching = findings.Where(f => f.Code == code).ToList();
        Assert.True(matching.Count == 1, $"expected one {code}, got: {string.Join(" | ", findings)}");
        return matching[0];
    }

    public static void None(ImmutableArray<PolicyFinding> findings, string code) =>
        Assert.True(findings.All(f => f.Code != code), $"unexpected {code}: {string.Join(" | ", findings)}");

    private static Statement Reindex(Statement s, int index) => new()
    {
        Index = index,
        Sid = s.Sid,
        Effect = s.Effect,
        Principal = s.Principal,
        IsNotPrincipal = s.IsNotPrincipal,
        Actions = s.Actions,
        IsNotAction = s.IsNotAction,
        Resources = s.Resources,
        HasResource = s.HasResource,
        IsNotResource = s.IsNotResource,
        Condition = s.Condition,
    };
}
