namespace Crossgate.Analysis.Graph;

/// <summary>What a node of the access graph stands for.</summary>
public enum NodeKind
{
    User,
    Role,

    /// <summary>An account as a principal (<c>arn:aws:iam::A:root</c>); for an account in the store it also stands
    /// for full control of that account, which is where self-escalation leads.</summary>
    AccountRoot,

    /// <summary>A user or role named by a trust policy but absent from the store.</summary>
    ExternalPrincipal,

    /// <summary>An AWS service (<c>ec2.amazonaws.com</c>).</summary>
    Service,

    /// <summary>A SAML or OIDC identity provider.</summary>
    Federated,

    /// <summary><c>"*"</c>: anyone at all.</summary>
    Anyone,
}

public static class NodeKindNames
{
    public static string ToWireName(this NodeKind kind) => kind switch
    {
        NodeKind.User => "user",
        NodeKind.Role => "role",
        NodeKind.AccountRoot => "account",
        NodeKind.ExternalPrincipal => "external",
        NodeKind.Service => "service",
        NodeKind.Federated => "federated",
        _ => "anyone",
    };
}
