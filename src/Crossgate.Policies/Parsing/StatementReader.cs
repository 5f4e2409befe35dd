using System.Collections.Immutable;
using System.Text.Json;

namespace Crossgate.Policies.Parsing;

/// <summary>Reads one statement object and applies the rules that hold for every policy kind
/// (aws-iam-semantics.md §2.1–§2.5). Kind-specific rules run afterwards over the result.</summary>
internal static class StatementReader
{
    /// <summary>The statement, or null when it had faults (all of them reported).</summary>
    /// <param name="location">The statement's location.</param>
    /// <param name="actionIsArray">Whether Action/NotAction was written as an array, for later item locations.</param>
    public static Statement? Read(JsonElement element, int index, ref JsonLocation location, PolicyErrorList errors, out bool actionIsArray)
    {
        actionIsArray = false;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, location);
            return null;
        }

        var before = errors.Count;
        string? sid = null;
        Effect? effect = null;
        var effectSeen = false;
        string? principalName = null;
        PrincipalSet? principal = null;
        string? actionName = null;
        var actions = default(StringList);
        string? resourceName = null;
        var resources = default(StringList);
        var condition = ConditionBlock.Empty;

        var members = DuplicateMembers.Check(element, ref location, errors);
        var memberIndex = 0;
        foreach (var member in element.EnumerateObject())
        {
            if (members.IsDuplicate(memberIndex++))
            {
                continue;
            }

            var name = KnownName(member);
            location.Push(name);
            switch (name)
            {
                case "Sid":
                    if (member.Value.ValueKind == JsonValueKind.String)
                    {
                        sid = member.Value.GetString();
                    }
                    else
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, location);
                    }

                    break;
                case "Effect":
                    effectSeen = true;
                    effect = ReadEffect(member.Value, ref location, errors);
                    break;
                case "Principal" or "NotPrincipal":
                    if (principalName is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, location);
                        break;
                    }

                    principalName = name;
                    principal = PrincipalReader.Read(member.Value, ref location, errors);
                    break;
                case "Action" or "NotAction":
                    if (actionName is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, location);
                        break;
                    }

                    actionName = name;
                    actions = StringListReader.Read(member.Value, ref location, errors);
                    break;
                case "Resource" or "NotResource":
                    if (resourceName is not null)
                    {
                        errors.Malformed(PolicyMessages.SyntaxErrors, location);
                        break;
                    }

                    resourceName = name;
                    resources = StringListReader.Read(member.Value, ref location, errors);
                    break;
                case "Condition":
                    condition = ConditionReader.Read(member.Value, ref location, errors);
                    break;
                default:
                    errors.Malformed(PolicyMessages.SyntaxErrors, location);
                    break;
            }

            location.Pop();
        }

        if (!effectSeen)
        {
            errors.Malformed(PolicyMessages.SyntaxErrors, location);
        }

        if (actionName is null)
        {
            errors.Malformed(PolicyMessages.MustContainActions, location);
        }
        else
        {
            CheckItems(actions, actionName, PolicyMessages.MustContainActions, isAction: true, ref location, errors);
        }

        // Whether Resource is required at all depends on the policy kind.
        if (resourceName is not null)
        {
            CheckItems(resources, resourceName, PolicyMessages.MustContainResources, isAction: false, ref location, errors);
        }

        if (errors.Count != before || effect is null || actionName is null)
        {
            return null;
        }

        actionIsArray = actions.IsArray;
        return new Statement
        {
            Index = index,
            Sid = sid,
            Effect = effect.Value,
            Principal = principal,
            IsNotPrincipal = principalName == "NotPrincipal",
            Actions = actions.ToImmutableArray(),
            IsNotAction = actionName == "NotAction",
            Resources = resourceName is null ? ImmutableArray<string>.Empty : resources.ToImmutableArray(),
            HasResource = resourceName is not null,
            IsNotResource = resourceName == "NotResource",
            Condition = condition,
        };
    }

    /// <summary>The member's name, as a literal for the statement elements so that a clean read allocates no names.</summary>
    private static string KnownName(JsonProperty member) =>
        member.NameEquals("Sid"u8) ? "Sid"
        : member.NameEquals("Effect"u8) ? "Effect"
        : member.NameEquals("Principal"u8) ? "Principal"
        : member.NameEquals("NotPrincipal"u8) ? "NotPrincipal"
        : member.NameEquals("Action"u8) ? "Action"
        : member.NameEquals("NotAction"u8) ? "NotAction"
        : member.NameEquals("Resource"u8) ? "Resource"
        : member.NameEquals("NotResource"u8) ? "NotResource"
        : member.NameEquals("Condition"u8) ? "Condition"
        : member.Name;

    private static Effect? ReadEffect(JsonElement value, ref JsonLocation location, PolicyErrorList errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            if (value.ValueEquals("Allow"u8))
            {
                return Effect.Allow;
            }

            if (value.ValueEquals("Deny"u8))
            {
                return Effect.Deny;
            }

            // Effect is case-sensitive; IAM reports a wrongly-cased effect as a legacy parsing failure.
            var text = value.GetString()!;
            if (text.Equals("Allow", StringComparison.OrdinalIgnoreCase) || text.Equals("Deny", StringComparison.OrdinalIgnoreCase))
            {
                errors.Malformed(PolicyMessages.LegacyParsingFailed, location);
                return null;
            }
        }

        errors.Malformed(PolicyMessages.SyntaxErrors, location);
        return null;
    }

    /// <summary>Checks each Action/Resource entry's syntax, or refuses an empty list.</summary>
    private static void CheckItems(StringList items, string elementName, string emptyMessage, bool isAction,
        ref JsonLocation location, PolicyErrorList errors)
    {
        location.Push(elementName);
        if (items.IsEmpty)
        {
            // A list already refused for its type needs no second report.
            var path = location.ToString();
            if (!errors.HasErrorAt(path))
            {
                errors.Malformed(emptyMessage, path);
            }
        }
        else
        {
            for (var i = 0; i < items.Items.Length; i++)
            {
                if (items.Items[i] is not { } item)
                {
                    continue;
                }

                var problem = isAction ? ActionSyntax.Problem(item) : ResourceSyntax.Problem(item);
                if (problem is null)
                {
                    continue;
                }

                if (items.IsArray)
                {
                    location.Push(i);
                    errors.Malformed(problem, location);
                    location.Pop();
                }
                else
                {
                    errors.Malformed(problem, location);
                }
            }
        }

        location.Pop();
    }
}
