using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Crossgate.Policies;

namespace Crossgate.Platform.Templates;

/// <summary>The platform's identity-side policy (JSON tree and parsed document), or why none could be made.</summary>
public sealed class CallerPolicyResult
{
    private CallerPolicyResult(JsonObject? policy, PolicyDocument? document, TemplateError? error)
    {
        Policy = policy;
        Document = document;
        Error = error;
    }

    public JsonObject? Policy { get; }

    public PolicyDocument? Document { get; }

    public TemplateError? Error { get; }

    [MemberNotNullWhen(true, nameof(Policy), nameof(Document))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public static CallerPolicyResult Ok(JsonObject policy, PolicyDocument document) => new(policy, document, null);

    public static CallerPolicyResult Fail(TemplateError error) => new(null, null, error);
}
