using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Crossgate.Policies;
using Crossgate.Policies.Linting;

namespace Crossgate.Platform.Tightening;

/// <summary>The tightened policy (JSON and re-parsed document, with the linter's findings on it) and notes on
/// what changed; or, when a requirement cannot be added, the <see cref="Conflicts"/> that prevent it.</summary>
public sealed class TighteningResult
{
    public JsonObject? Json { get; init; }

    /// <summary>The output parsed again as the input's kind: proof that IAM accepts it.</summary>
    public PolicyDocument? Document { get; init; }

    public ImmutableArray<PolicyError> ParseErrors { get; init; } = ImmutableArray<PolicyError>.Empty;

    public ImmutableArray<PolicyFinding> Findings { get; init; } = ImmutableArray<PolicyFinding>.Empty;

    public ImmutableArray<TighteningNote> Notes { get; init; } = ImmutableArray<TighteningNote>.Empty;

    /// <summary>Statements whose existing conditions contradict the new requirement; nothing is written then.</summary>
    public ImmutableArray<TighteningNote> Conflicts { get; init; } = ImmutableArray<TighteningNote>.Empty;

    /// <summary>True when a policy was produced, parses, and has no lint errors.</summary>
    [MemberNotNullWhen(true, nameof(Json), nameof(Document))]
    public bool Success => Json is not null && Document is not null && Conflicts.IsEmpty && ParseErrors.IsEmpty
        && Findings.All(f => f.Severity != FindingSeverity.Error);
}
