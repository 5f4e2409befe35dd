using Crossgate.Policies.Catalog;

namespace Crossgate.Policies.Linting;

/// <summary>Condition keys must exist (global <c>aws:</c> keys or a service's keys, templated families
/// included), and their operator should fit the key's documented type.</summary>
internal static class ConditionKeyRules
{
    public static void Check(LintContext context)
    {
        foreach (var statement in context.Document.Statements)
        {
            foreach (var condition in statement.Condition.Conditions)
            {
                CheckKey(context, statement, condition);
            }
        }
    }

    private static void CheckKey(LintContext context, Statement statement, Condition condition)
    {
        var path = LintContext.ConditionPath(statement, condition);
        var colon = condition.Key.IndexOf(':');
        if (colon <= 0 || colon == condition.Key.Length - 1)
        {
            context.Report(FindingSeverity.Error, FindingCodes.InvalidConditionKeyFormat,
                "The condition key format is not valid. Use the format service:keyname.", path);
            return;
        }

        var key = context.Catalog.FindConditionKey(condition.Key);
        if (key is null)
        {
            var service = condition.Key[..colon];
            if (GlobalConditionKeys.IsGlobal(condition.Key))
            {
                context.Report(FindingSeverity.Error, FindingCodes.InvalidGlobalConditionKey,
                    $"The condition key {condition.Key} does not exist. Use a valid condition key.", path);
            }
            else if (context.Catalog.TryGetService(service, out _))
            {
                context.Report(FindingSeverity.Error, FindingCodes.InvalidServiceConditionKey,
                    $"The condition key {condition.Key} does not exist in the service {service}. Use a valid condition key.", path);
            }
            else
            {
                context.Report(FindingSeverity.Error, FindingCodes.InvalidServiceConditionKey,
                    $"The condition key {condition.Key} does not exist. Use a valid condition key.", path);
            }

            return;
        }

        var expected = ExpectedOperatorFamily(condition.Operator.Kind, key.Type);
        if (expected is not null)
        {
            context.Report(FindingSeverity.Warning, FindingCodes.TypeMismatch,
                $"Use the operator type {expected} instead of operator {condition.Operator} for the condition key {condition.Key}.", path);
        }
    }

    /// <summary>The operator family a key's type calls for when the written operator clearly does not fit, else
    /// null. Lenient on purpose: string operators are accepted on every key, as AWS compares their text.</summary>
    private static string? ExpectedOperatorFamily(ConditionOperatorKind op, ConditionKeyType type)
    {
        var family = FamilyOf(op);
        var wanted = type switch
        {
            ConditionKeyType.IPAddress => "IpAddress",
            ConditionKeyType.Numeric => "Numeric",
            ConditionKeyType.Date => "Date",
            ConditionKeyType.Bool or ConditionKeyType.ArrayOfBool => "Bool",
            ConditionKeyType.Arn or ConditionKeyType.ArrayOfArn => "Arn",
            _ => "String",
        };

        var fits = family switch
        {
            "Null" or "String" => type != ConditionKeyType.IPAddress,
            "IpAddress" => type == ConditionKeyType.IPAddress,
            "Numeric" => type is ConditionKeyType.Numeric or ConditionKeyType.Date, // aws:EpochTime takes both
            "Date" => type == ConditionKeyType.Date,
            "Bool" => type is ConditionKeyType.Bool or ConditionKeyType.ArrayOfBool,
            "Arn" => type is ConditionKeyType.Arn or ConditionKeyType.ArrayOfArn,
            _ => true, // Binary: no documented key type to compare with
        };

        if (family == "Null" || fits)
        {
            return null;
        }

        return wanted;
    }

    private static string FamilyOf(ConditionOperatorKind op) => op switch
    {
        ConditionOperatorKind.Null => "Null",
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => "IpAddress",
        ConditionOperatorKind.Bool => "Bool",
        ConditionOperatorKind.BinaryEquals => "Binary",
        >= ConditionOperatorKind.NumericEquals and <= ConditionOperatorKind.NumericGreaterThanEquals => "Numeric",
        >= ConditionOperatorKind.DateEquals and <= ConditionOperatorKind.DateGreaterThanEquals => "Date",
        >= ConditionOperatorKind.ArnEquals and <= ConditionOperatorKind.ArnNotLike => "Arn",
        _ => "String",
    };
}
