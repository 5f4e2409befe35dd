namespace Crossgate.Policies.Evaluation;

/// <summary>The caller as a policy's <c>Principal</c> element sees it.</summary>
public sealed class PrincipalIdentity
{
    public required PrincipalKind Kind { get; init; }

    /// <summary>The caller's ARN: user ARN, <c>arn:aws:sts::A:assumed-role/R/S</c> for a session,
    /// <c>arn:aws:iam::A:root</c> for root; the service name for a service; empty for anonymous.</summary>
    public required string Arn { get; init; }

    /// <summary>12-digit account id; empty for services and anonymous callers.</summary>
    public string AccountId { get; init; } = string.Empty;

    public string Partition { get; init; } = "aws";

    /// <summary>For an assumed-role session, the role's ARN with its path (<c>arn:aws:iam::A:role/path/R</c>).</summary>
    public string? RoleArn { get; init; }

    /// <summary>For a service principal, e.g. <c>ec2.amazonaws.com</c>.</summary>
    public string? ServiceName { get; init; }

    /// <summary>For web-identity or SAML federation, the provider (OIDC issuer or SAML provider ARN).</summary>
    public string? FederatedProvider { get; init; }
}
