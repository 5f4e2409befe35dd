using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using Crossgate.Policies;

namespace Crossgate.Platform.Templates;

/// <summary>A generated role template with the trust policy it installs, or why none could be made.</summary>
public sealed class RoleTemplateResult
{
    private RoleTemplateResult(JsonObject? template, PolicyDocument? trustPolicy, TemplateError? error)
    {
        Template = template;
        TrustPolicy = trustPolicy;
        Error = error;
    }

    /// <summary>The CloudFormation template as a JSON tree; render it with <see cref="TemplateText"/>.</summary>
    public JsonObject? Template { get; }

    /// <summary>The trust policy as deployed with the parameters' defaults (partition <c>aws</c>), parsed as a
    /// trust policy: proof that IAM would accept it.</summary>
    public PolicyDocument? TrustPolicy { get; }

    public TemplateError? Error { get; }

    [MemberNotNullWhen(true, nameof(Template), nameof(TrustPolicy))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;

    public static RoleTemplateResult Ok(JsonObject template, PolicyDocument trustPolicy) => new(template, trustPolicy, null);

    public static RoleTemplateResult Fail(TemplateError error) => new(null, null, error);
}
