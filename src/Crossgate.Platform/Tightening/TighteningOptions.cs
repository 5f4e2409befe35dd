namespace Crossgate.Platform.Tightening;

/// <summary>What <see cref="PolicyTightener"/> should do to a policy.</summary>
public sealed record TighteningOptions
{
    public IReadOnlyList<TagCondition> TagConditions { get; init; } = [];

    /// <summary>Replace KMS key-use permissions with <c>kms:CreateGrant</c> for AWS resources only.</summary>
    public bool KmsGrantsOnly { get; init; }
}
