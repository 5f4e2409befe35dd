using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Policies.Evaluation;
using Crossgate.Server.Errors;
using RequestContext = Crossgate.Server.Protocols.RequestContext;

namespace Crossgate.Server.Application;

/// <summary>Every call is decided by the engine for the calling principal before a handler changes anything. A
/// refusal is AWS's error: <c>AccessDenied</c> (403) for STS and IAM, <c>AccessDeniedException</c> for
/// Organizations.</summary>
public sealed class RequestGuard(PolicyGatherer gatherer, TimeProvider time)
{
    /// <summary>The caller's gathered context, carried by the credential the request was signed with.</summary>
    public static CallerContext CallerOf(RequestContext request) =>
        request.Caller is DirectoryCredential credential
            ? credential.CallerContext
            : throw new InvalidOperationException("The request was not authenticated against the directory.");

    /// <summary>Null when allowed; otherwise the error to return. <paramref name="resource"/> is the ARN the action
    /// acts on (<c>*</c> when none); a role's trust policy is gathered when the resource is a role. An allowed
    /// call's decision carries no trace (no layers, no matched statements).</summary>
    public async Task<(Decision Decision, AwsError? Error)> CheckAsync(
        RequestContext request, string action, string resource, bool jsonService = false,
        ContextKeys? context = null, string? externalId = null, string? roleSessionName = null,
        IReadOnlyDictionary<string, string>? requestTags = null, CancellationToken cancellationToken = default)
    {
        var caller = CallerOf(request);
        var gathered = await gatherer.GatherAsync(caller, resource, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!gathered.Success)
        {
            var error = gathered.Error!;
            return (DeniedWithoutPolicies(), new AwsError(error.Code, error.Message, error.HttpStatus));
        }

        // A role's trust policy is the resource policy of the sts:AssumeRole* actions only; IAM's own actions on the
        // role (iam:AttachRolePolicy, …) are decided by the caller's policies alone.
        if (!action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase) && gathered.Value!.Resource.ResourcePolicy is not null
            && resource.Contains(":role/", StringComparison.Ordinal))
        {
            gathered = DirectoryResult<GatheredRequest>.Ok(new GatheredRequest(gathered.Value.Caller, gathered.Value.Resource with { ResourcePolicy = null }));
        }

        var keys = context ?? new ContextKeys();
        if (request.SourceIp is { } ip)
        {
            keys.Set("aws:SourceIp", ip);
        }

        keys.Set("aws:SecureTransport", "false");
        if (request.UserAgent is { } agent)
        {
            keys.Set("aws:UserAgent", agent);
        }

        keys.Set("aws:RequestedRegion", request.Region);
        var authorization = gathered.Value!.Request(action, keys, time.GetUtcNow(), externalId, roleSessionName, requestTags);

        // Most calls are allowed, and an allowed call needs no trace of what matched: the full evaluation (every
        // layer's outcome, the matched statements) is run only for a refusal, whose message names what refused.
        var summary = Authorizer.Evaluate(authorization, gathered.Value.Policies, trace: null);
        if (summary.IsAllowed)
        {
            return (AllowedWithoutTrace(summary), null);
        }

        var decision = Authorizer.Authorize(authorization, gathered.Value.Policies);
        if (decision.IsAllowed)
        {
            return (decision, null);
        }

        if (decision.Rule == DecisionRule.ProtectedResource && ProtectedRoleError(action, resource) is { } unmodifiable)
        {
            return (decision, unmodifiable);
        }

        return (decision, jsonService
            ? new AwsError("AccessDeniedException", decision.Message!, 400)
            : new AwsError("AccessDenied", decision.Message!, 403));
    }

    /// <summary>IAM's refusal of a change to a role only AWS may change (service-linked roles, roles under
    /// <c>/aws-reserved/</c>), e.g. <c>Cannot perform the operation on the protected role 'AWSServiceRoleForSupport' -
    /// this role is only modifiable by AWS</c>. Null for other protected resources, which are refused as AccessDenied.</summary>
    private static AwsError? ProtectedRoleError(string action, string resource)
    {
        if (ProtectedResources.Covers(action, resource) is not (ProtectedResourceKind.ServiceLinkedRole or ProtectedResourceKind.ReservedRole))
        {
            return null;
        }

        var roleName = resource[(resource.LastIndexOf('/') + 1)..];
        return new AwsError("UnmodifiableEntity", $"Cannot perform the operation on the protected role '{roleName}' - this role is only modifiable by AWS", 400);
    }

    private static Decision AllowedWithoutTrace(DecisionSummary summary) => new()
    {
        Outcome = summary.Decision,
        DecidingLayer = summary.DecidingLayer,
        Rule = summary.Rule,
        Layers = [],
        MatchedStatements = [],
        MissingContextKeys = [],
    };

    private static Decision DeniedWithoutPolicies() => new()
    {
        Outcome = EvalDecision.ImplicitDeny,
        Layers = [],
        MatchedStatements = [],
        MissingContextKeys = [],
    };
}
