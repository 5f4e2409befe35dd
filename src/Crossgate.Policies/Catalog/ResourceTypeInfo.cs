using System.Collections.Immutable;

namespace Crossgate.Policies.Catalog;

/// <summary>A resource type of a service (e.g. s3 <c>object</c>) with its ARN pattern
/// (e.g. <c>arn:${Partition}:s3:::${BucketName}/${ObjectName}</c>) and the condition keys it supports.</summary>
public sealed class ResourceTypeInfo
{
    private ArnTemplate? template;

    internal ResourceTypeInfo(string name, string arnPattern, ImmutableArray<ConditionKeyInfo> conditionKeys)
    {
        Name = name;
        ArnPattern = arnPattern;
        ConditionKeys = conditionKeys;
    }

    public string Name { get; }

    public string ArnPattern { get; }

    public ImmutableArray<ConditionKeyInfo> ConditionKeys { get; }

    // Parsed when first matched: most of the catalog's types never are. A race parses twice, to equal results.
    internal ArnTemplate Template => template ??= ArnTemplate.Parse(ArnPattern);

    /// <summary>Whether some ARN of this type could match the policy's resource pattern (which may hold
    /// <c>*</c>, <c>?</c> and policy variables).</summary>
    public bool CouldMatch(string resourcePattern) => Template.Overlaps(resourcePattern);

    public override string ToString() => $"{Name} ({ArnPattern})";
}
