using System.Collections.Immutable;

namespace Crossgate.Policies;

/// <summary>The value of a <c>Principal</c> or <c>NotPrincipal</c> element.
/// <c>"*"</c> and <c>{"AWS":"*"}</c> both set <see cref="IsWildcard"/>.</summary>
public sealed class PrincipalSet
{
    public static readonly PrincipalSet Wildcard = new() { IsWildcard = true };

    public bool IsWildcard { get; init; }

    /// <summary>Account ids, <c>arn:aws:iam::A:root</c>, user, role, assumed-role and federated-user ARNs.</summary>
    public ImmutableArray<string> Aws { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> Service { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> Federated { get; init; } = ImmutableArray<string>.Empty;

    public ImmutableArray<string> CanonicalUser { get; init; } = ImmutableArray<string>.Empty;
}
