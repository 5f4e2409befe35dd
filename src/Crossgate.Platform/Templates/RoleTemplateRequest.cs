namespace Crossgate.Platform.Templates;

/// <summary>What the target-side role template should contain. Only <see cref="TrustedAccountId"/> is required.</summary>
public sealed record RoleTemplateRequest
{
    public const string DefaultRoleName = "CrossgatePlatformRole";

    /// <summary>The platform's (primary) account, trusted to assume the role.</summary>
    public required string TrustedAccountId { get; init; }

    /// <summary>When set, only this role of the trusted account may assume the role, not the whole account.</summary>
    public string? TrustedRoleArn { get; init; }

    /// <summary>The same in every account, so the platform can assume <c>arn:aws:iam::*:role/NAME</c>.</summary>
    public string RoleName { get; init; } = DefaultRoleName;

    public string? ExternalId { get; init; }

    public IReadOnlyList<InlinePolicySource> InlinePolicies { get; init; } = [];

    public IReadOnlyList<string> ManagedPolicyArns { get; init; } = [];

    /// <summary>Adds the statement the platform's online account check needs on the role itself (its policy
    /// simulator and reading its own policies); on by default.</summary>
    public bool IncludeSelfCheck { get; init; } = true;

    /// <summary>Seconds; null leaves IAM's default of one hour.</summary>
    public int? MaxSessionDuration { get; init; }
}

/// <summary>An identity policy to embed in the role: its name in IAM and its JSON text.</summary>
public sealed record InlinePolicySource(string Name, string Json);
