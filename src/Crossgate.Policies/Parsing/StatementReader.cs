using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads one statement object and applies the rules that hold for every policy kind
/// (aws-iam-semantics.md §2.1–§2.5). Kind-specific rules run afterwards over the result.</summary>
internal static class StatementReader
{
    public static (Statement? Statement, StatementLayout Layout) Read(JsonElement element, int index, string path, PolicyErrorList errors)
    {
        var layout = new StatementLayout(path);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, path);
            return (null, layout);
        }

        var before = errors.Count;
        string? sid = null;
        Effect? effect = null;
        var effectSeen = false;
        PrincipalSet? principal = null;
        var isNotPrincipal = false;
        ImmutableArray<(string Value, string Path)>? actions = null;
        var isNotAction = false;
        ImmutableArray<(string Value, string Path)>? resources = null;
        var isNotResource = false;
        var condition = ConditionBlock.Empty;

        foreach (var member in JsonMembers.Read(element, path, errors))
        {
            var memberPath = JsonPath.Property(path, member.Name);
            switch (member.Name)
            {
                case "Sid":
                    layout = layout with { SidPath = memberPath };
                    if (member.Value.ValueKind == JsonValueKind.String)
                    {
                        sid = member.Value.GetString();
                    }
                    else
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                    }

                    break;
                case "Effect":
                    effectSeen = true;
                    effect = ReadEffect(member.Value, memberPath, errors);
                    break;
                case "Principal" or "NotPrincipal":
                    if (layout.PrincipalPath is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                        break;
                    }

                    layout = layout with { PrincipalPath = memberPath };
                    isNotPrincipal = member.Name == "NotPrincipal";
                    principal = PrincipalReader.Read(member.Value, memberPath, errors);
                    break;
                case "Action" or "NotAction":
                    if (layout.ActionPath is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                        break;
                    }

                    isNotAction = member.Name == "NotAction";
                    actions = StringListReader.Read(member.Value, memberPath, errors);
                    layout = layout with { ActionPath = memberPath, ActionItemPaths = actions.Value.Select(a => a.Path).ToImmutableArray() };
                    break;
                case "Resource" or "NotResource":
                    if (layout.ResourcePath is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                        break;
                    }

                    isNotResource = member.Name == "NotResource";
                    resources = StringListReader.Read(member.Value, memberPath, errors);
                    layout = layout with { ResourcePath = memberPath };
                    break;
                case "Condition":
                    layout = layout with { ConditionPath = memberPath };
                    condition = ConditionReader.Read(member.Value, memberPath, errors);
                    break;
                default:
                    errors.Malformed(PolicyMessages.SyntaxErrors, memberPath);
                    break;
            }
        }

        if (!effectSeen)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, path);
        }

        CheckActions(actions, layout, errors);
        CheckResources(resources, layout, errors);

        if (errors.Count != before || effect is null || actions is null)
        {
            return (null, layout);
        }

        var statement = new Statement
        {
            Index = index,
            Sid = sid,
            Effect = effect.Value,
            Principal = principal,
            IsNotPrincipal = isNotPrincipal,
            Actions = actions.Value.Select(a => a.Value).ToImmutableArray(),
            IsNotAction = isNotAction,
            Resources = resources?.Select(r => r.Value).ToImmutableArray() ?? ImmutableArray<string>.Empty,
            HasResource = resources is not null,
            IsNotResource = isNotResource,
            Condition = condition,
        };
        return (statement, layout);
    }

    private static Effect? ReadEffect(JsonElement value, string path, PolicyErrorList errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            // Effect is case-sensitive; IAM reports a wrongly-cased effect as a legacy parsing failure.
            var text = value.GetString()!;
            switch (text)
            {
                case "Allow":
                    return Effect.Allow;
                case "Deny":
                    return Effect.Deny;
            }

            if (text.Equals("Allow", StringComparison.OrdinalIgnoreCase) || text.Equals("Deny", StringComparison.OrdinalIgnoreCase))
            {
                errors.Malformed(PolicyMessages.LegacyParsingFailed, path);
                return null;
            }
        }

        errors.Malformed(PolicyMessages.SyntaxErrors, path);
        return null;
    }

    private static void CheckActions(ImmutableArray<(string Value, string Path)>? actions, StatementLayout layout, PolicyErrorList errors)
    {
        if (actions is null)
        {
            errors.Malformed(PolicyMessages.MustContainActions, layout.Path);
            return;
        }

        if (actions.Value.IsEmpty)
        {
            if (!errors.HasErrorAt(layout.ActionPath!))
            {
                errors.Malformed(PolicyMessages.MustContainActions, layout.ActionPath!);
            }

            return;
        }

        foreach (var (action, path) in actions.Value)
        {
            ActionSyntax.Check(action, path, errors);
        }
    }

    private static void CheckResources(ImmutableArray<(string Value, string Path)>? resources, StatementLayout layout, PolicyErrorList errors)
    {
        if (resources is null)
        {
            return; // whether Resource is required depends on the policy kind
        }

        if (resources.Value.IsEmpty)
        {
            if (!errors.HasErrorAt(layout.ResourcePath!))
            {
                errors.Malformed(PolicyMessages.MustContainResources, layout.ResourcePath!);
            }

            return;
        }

        foreach (var (resource, path) in resources.Value)
        {
            ResourceSyntax.Check(resource, path, errors);
        }
    }
}
