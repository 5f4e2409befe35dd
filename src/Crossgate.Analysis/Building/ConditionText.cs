using Crossgate.Policies;

namespace Crossgate.Analysis.Building;

/// <summary>A condition as an edge states it: <c>StringEquals sts:ExternalId = abc</c> (values joined by " | ").</summary>
internal static class ConditionText
{
    public static string Of(Condition condition) =>
        $"{condition.Operator} {condition.Key} = {string.Join(" | ", condition.Values)}";
}
