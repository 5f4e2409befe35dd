using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Crossgate.Policies;

/// <summary>Either a document or the errors that refused it; parsing never throws.</summary>
public sealed class PolicyParseResult
{
    private PolicyParseResult(PolicyDocument? document, ImmutableArray<PolicyError> errors)
    {
        Document = document;
        Errors = errors;
    }

    public PolicyDocument? Document { get; }

    public ImmutableArray<PolicyError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool Success => Document is not null;

    public static PolicyParseResult Ok(PolicyDocument document) => new(document, ImmutableArray<PolicyError>.Empty);

    public static PolicyParseResult Fail(ImmutableArray<PolicyError> errors) => new(null, errors);

    public static PolicyParseResult Fail(PolicyError error) => new(null, ImmutableArray.Create(error));
}
