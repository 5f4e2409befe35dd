using System.Collections.Immutable;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Policies.Tests;

/// <summary>Builds statements and request contexts directly from the model (not via the parser) for matching tests.</summary>
internal static class TestPolicies
{
    public static Condition Cond(string op, string key, params string[] values)
    {
        Assert.True(ConditionOperator.TryParse(op, out var parsed), $"operator {op}");
        return new Condition(parsed, key, ImmutableArray.Create(values));
    }

    public static Statement Statement(
        string[]? actions = null,
        string[]? resources = null,
        bool notAction = false,
        bool notResource = false,
        bool noResource = false,
        PrincipalSet? principal = null,
        bool notPrincipal = false,
        Effect effect = Effect.Allow,
        params Condition[] conditions) => new()
        {
            Index = 0,
            Effect = effect,
            Actions = ImmutableArray.Create(actions ?? ["*"]),
            IsNotAction = notAction,
            Resources = noResource ? ImmutableArray<string>.Empty : ImmutableArray.Create(resources ?? ["*"]),
            HasResource = !noResource,
            IsNotResource = notResource,
            Principal = principal,
            IsNotPrincipal = notPrincipal,
            Condition = new ConditionBlock(ImmutableArray.Create(conditions)),
        };

    /// <summary>Compiles one statement inside a document of the given Version (null = Version omitted).</summary>
    public static CompiledStatement Compile(Statement statement, string? version = PolicyDocument.CurrentVersion, PolicyKind kind = PolicyKind.Identity)
    {
        var document = new PolicyDocument(kind, version, null, ImmutableArray.Create(statement));
        return CompiledPolicy.Compile(document).Statements[0];
    }

    public static CompiledStatement WithConditions(params Condition[] conditions) => Compile(Statement(conditions: conditions));

    /// <summary>A request context from "key=value" pairs; "key=[a,b]" makes a multi-valued key ("key=[]" an empty one).</summary>
    public static RequestContext Context(params string[] pairs)
    {
        var context = new RequestContext();
        foreach (var pair in pairs)
        {
            var eq = pair.IndexOf('=');
            var key = pair[..eq];
            var value = pair[(eq + 1)..];
            if (value.StartsWith('[') && value.EndsWith(']'))
            {
                var inner = value[1..^1];
                context.Keys.SetMulti(key, inner.Length == 0 ? [] : inner.Split(','));
            }
            else
            {
                context.Keys.Set(key, value);
            }
        }

        return context;
    }

    public static string[] Split(string values) => values.Split('|');

    /// <summary>Evaluates <c>op {key: values}</c> against one request value (null = key absent).</summary>
    public static bool EvalOne(string op, string policyValues, string? requestValue, string key = "k")
    {
        var statement = WithConditions(Cond(op, key, Split(policyValues)));
        var context = requestValue is null ? Context() : Context($"{key}={requestValue}");
        return statement.MatchesConditions(context, null);
    }
}
