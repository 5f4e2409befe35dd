namespace Crossgate.Policies.Conditions;

/// <summary>Picks the compiled form for a condition's operator.</summary>
public static class ConditionCompiler
{
    /// <param name="policyVariables">Whether the document substitutes <c>${...}</c> (Version 2012-10-17); AWS
    /// substitutes only in String and ARN operator values.</param>
    public static CompiledCondition Compile(Condition condition, bool policyVariables) => condition.Operator.Kind switch
    {
        ConditionOperatorKind.StringEquals or ConditionOperatorKind.StringNotEquals
            or ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase
            or ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike => new StringCondition(condition, policyVariables),
        ConditionOperatorKind.NumericEquals or ConditionOperatorKind.NumericNotEquals
            or ConditionOperatorKind.NumericLessThan or ConditionOperatorKind.NumericLessThanEquals
            or ConditionOperatorKind.NumericGreaterThan or ConditionOperatorKind.NumericGreaterThanEquals => new NumericCondition(condition),
        ConditionOperatorKind.DateEquals or ConditionOperatorKind.DateNotEquals
            or ConditionOperatorKind.DateLessThan or ConditionOperatorKind.DateLessThanEquals
            or ConditionOperatorKind.DateGreaterThan or ConditionOperatorKind.DateGreaterThanEquals => new DateCondition(condition),
        ConditionOperatorKind.Bool => new BoolCondition(condition),
        ConditionOperatorKind.BinaryEquals => new BinaryCondition(condition),
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => new IpAddressCondition(condition),
        ConditionOperatorKind.ArnEquals or ConditionOperatorKind.ArnLike
            or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike => new ArnCondition(condition, policyVariables),
        ConditionOperatorKind.Null => new NullCondition(condition),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition.Operator, "Unknown condition operator."),
    };
}
