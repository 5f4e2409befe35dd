using Crossgate.Policies.Conditions;

namespace Crossgate.Policies.Parsing;

/// <summary>Typed condition operators whose values are not of their type (a Date value that is no date, a Numeric
/// value that is no number, …) make IAM's legacy parser refuse the whole document with "The policy failed legacy
/// parsing". String and ARN operators take any text, and Null takes anything, so they are not checked.</summary>
internal static class ConditionValueSyntax
{
    public static bool AllFit(ConditionOperatorKind kind, string[] values)
    {
        foreach (var value in values)
        {
            if (!Fits(kind, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one policy value is of the operator's type.</summary>
    public static bool Fits(ConditionOperatorKind kind, string value) => kind switch
    {
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
            or ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
            or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals => IsNumber(value),
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals
            or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals
            or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals => PolicyDate.TryParse(value, out _),

        // Whether Bool substitutes policy variables is unsettled (aws-iam-semantics.md §2.5), so a variable passes.
        ConditionOperatorKind.Bool => BoolCondition.TryParse(value, out _) || value.Contains("${", StringComparison.Ordinal),
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => CidrBlock.TryParse(value, out _),
        ConditionOperatorKind.BinaryEquals => IsBase64(value),
        _ => true,
    };

    // Beyond decimal's range is still a number to IAM (it then matches nothing).
    private static bool IsNumber(string value) =>
        NumericCondition.TryParse(value, out _)
        || double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static bool IsBase64(string value)
    {
        Span<byte> scratch = value.Length <= 512 ? stackalloc byte[value.Length] : new byte[value.Length];
        return Convert.TryFromBase64String(value, scratch, out _);
    }
}
