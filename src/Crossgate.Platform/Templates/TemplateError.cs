using System.Collections.Immutable;
using Crossgate.Policies;

namespace Crossgate.Platform.Templates;

public enum TemplateErrorKind
{
    /// <summary>A value given for the template breaks IAM's rules (account id, names, ARNs, durations).</summary>
    InvalidInput,

    /// <summary>A policy to embed is refused by IAM's grammar; <see cref="TemplateError.PolicyErrors"/> says why.</summary>
    InvalidPolicy,
}

/// <summary>Why a template could not be made.</summary>
public sealed record TemplateError(TemplateErrorKind Kind, string Message)
{
    public ImmutableArray<PolicyError> PolicyErrors { get; init; } = ImmutableArray<PolicyError>.Empty;

    public override string ToString() => PolicyErrors.IsEmpty ? Message : Message + " " + string.Join(" ", PolicyErrors);
}
