namespace Crossgate.Policies;

public enum ConditionOperatorKind
{
    StringEquals,
    StringNotEquals,
    StringEqualsIgnoreCase,
    StringNotEqualsIgnoreCase,
    StringLike,
    StringNotLike,
    NumericEquals,
    NumericNotEquals,
    NumericLessThan,
    NumericLessThanEquals,
    NumericGreaterThan,
    NumericGreaterThanEquals,
    DateEquals,
    DateNotEquals,
    DateLessThan,
    DateLessThanEquals,
    DateGreaterThan,
    DateGreaterThanEquals,
    Bool,
    BinaryEquals,
    IpAddress,
    NotIpAddress,
    ArnEquals,
    ArnLike,
    ArnNotEquals,
    ArnNotLike,
    Null,
}

/// <summary>The <c>ForAllValues:</c> / <c>ForAnyValue:</c> prefix of an operator, if any.</summary>
public enum SetQualifier
{
    None,
    ForAllValues,
    ForAnyValue,
}

/// <summary>A condition operator name such as <c>ForAnyValue:StringLikeIfExists</c>, taken apart.</summary>
public readonly record struct ConditionOperator(ConditionOperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    /// <summary>Negated operators match when the key is absent, and NOR their values.</summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike or ConditionOperatorKind.NumericNotEquals or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress or ConditionOperatorKind.ArnNotEquals or ConditionOperatorKind.ArnNotLike;

    /// <summary>Parses an operator name as it appears in a policy. AWS treats operator names
    /// case-insensitively (e.g. <c>stringequals</c> is accepted), so this does too.</summary>
    public static bool TryParse(string name, out ConditionOperator op)
    {
        op = default;
        ReadOnlySpan<char> rest = name;
        var qualifier = SetQualifier.None;
        if (rest.StartsWith("ForAllValues:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAllValues;
            rest = rest["ForAllValues:".Length..];
        }
        else if (rest.StartsWith("ForAnyValue:", StringComparison.OrdinalIgnoreCase))
        {
            qualifier = SetQualifier.ForAnyValue;
            rest = rest["ForAnyValue:".Length..];
        }

        var ifExists = false;
        if (rest.EndsWith("IfExists", StringComparison.OrdinalIgnoreCase))
        {
            ifExists = true;
            rest = rest[..^"IfExists".Length];
        }

        if (!Enum.TryParse(rest, ignoreCase: true, out ConditionOperatorKind kind) || rest.Length == 0 || char.IsDigit(rest[0]))
        {
            return false;
        }

        // Null takes no IfExists form.
        if (kind == ConditionOperatorKind.Null && ifExists)
        {
            return false;
        }

        op = new ConditionOperator(kind, qualifier, ifExists);
        return true;
    }

    public override string ToString()
    {
        var prefix = Qualifier switch
        {
            SetQualifier.ForAllValues => "ForAllValues:",
            SetQualifier.ForAnyValue => "ForAnyValue:",
            _ => string.Empty,
        };
        return prefix + Kind + (IfExists ? "IfExists" : string.Empty);
    }
}
