using System.Collections.Immutable;

namespace Crossgate.Policies;

/// <summary>One statement of a policy. Exactly one of Action/NotAction is set; Resource/NotResource may
/// both be absent (trust policies); Principal/NotPrincipal only in resource-side kinds.</summary>
public sealed class Statement
{
    public required int Index { get; init; }
    public string? Sid { get; init; }
    public required Effect Effect { get; init; }

    /// <summary>The principal element, or null when the statement has none.</summary>
    public PrincipalSet? Principal { get; init; }

    /// <summary>True when <see cref="Principal"/> came from <c>NotPrincipal</c>.</summary>
    public bool IsNotPrincipal { get; init; }

    /// <summary>Action patterns as written (<c>service:Name</c>, <c>*</c>).</summary>
    public required ImmutableArray<string> Actions { get; init; }

    /// <summary>True when <see cref="Actions"/> came from <c>NotAction</c>.</summary>
    public bool IsNotAction { get; init; }

    /// <summary>Resource patterns as written; empty with <see cref="HasResource"/> false when absent.</summary>
    public ImmutableArray<string> Resources { get; init; } = ImmutableArray<string>.Empty;

    public bool HasResource { get; init; }

    /// <summary>True when <see cref="Resources"/> came from <c>NotResource</c>.</summary>
    public bool IsNotResource { get; init; }

    public ConditionBlock Condition { get; init; } = ConditionBlock.Empty;
}
