namespace Crossgate.Policies.Parsing;

/// <summary>What a caller knows about where a document is going, beyond its <see cref="PolicyKind"/>.</summary>
public sealed record PolicyParseOptions(PolicyKind Kind)
{
    /// <summary>Refuse the text past this quota before reading it; null means no size check.</summary>
    public PolicySizeQuota? Quota { get; init; }

    /// <summary>Managed policies (CreatePolicy/CreatePolicyVersion) refuse a missing or 2008-10-17 Version with
    /// "Policy document must be version 2012-10-17 or greater."; inline and trust policies still accept them.</summary>
    public bool RequireCurrentVersion { get; init; }
}
