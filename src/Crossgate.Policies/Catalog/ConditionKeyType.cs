namespace Crossgate.Policies.Catalog;

/// <summary>The data type AWS documents for a condition key; <c>ArrayOf…</c> types are multi-valued.</summary>
public enum ConditionKeyType
{
    String,
    ArrayOfString,
    Arn,
    ArrayOfArn,
    Numeric,
    Date,
    Bool,
    ArrayOfBool,
    IPAddress,
}

internal static class ConditionKeyTypeText
{
    public static ConditionKeyType Parse(string text) => text switch
    {
        "ArrayOfString" => ConditionKeyType.ArrayOfString,
        "ARN" => ConditionKeyType.Arn,
        "ArrayOfARN" => ConditionKeyType.ArrayOfArn,
        "Numeric" => ConditionKeyType.Numeric,
        "Date" => ConditionKeyType.Date,
        "Bool" => ConditionKeyType.Bool,
        "ArrayOfBool" => ConditionKeyType.ArrayOfBool,
        "IPAddress" => ConditionKeyType.IPAddress,
        _ => ConditionKeyType.String,
    };
}
