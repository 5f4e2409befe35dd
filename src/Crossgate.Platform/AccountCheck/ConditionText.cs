using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>A condition written whole, as a person reads it: <c>StringLike aws:ResourceTag/Name = CadoResponse*</c>.</summary>
public static class ConditionText
{
    public static string Format(Condition condition) =>
        $"{condition.Operator} {condition.Key} = {string.Join(", ", condition.Values)}";
}
