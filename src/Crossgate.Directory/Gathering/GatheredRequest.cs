using Crossgate.Authorization;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Directory.Gathering;

/// <summary>Both sides of a request gathered: the engine's <see cref="PolicySet"/> and what it needs to build the
/// <see cref="AuthorizationRequest"/>.</summary>
public sealed class GatheredRequest(CallerContext caller, ResourceContext resource)
{
    public CallerContext Caller { get; } = caller;

    public ResourceContext Resource { get; } = resource;

    public PolicySet Policies { get; } = new()
    {
        IdentityPolicies = caller.IdentityPolicies,
        PermissionsBoundary = caller.PermissionsBoundary,
        SessionPolicies = caller.SessionPolicies,
        ServiceControlPolicies = caller.ServiceControlPolicies,
        ResourcePolicy = resource.ResourcePolicy,
        ResourceControlPolicies = resource.ResourceControlPolicies,
    };

    /// <summary>The request for one action on the gathered resource.</summary>
    public AuthorizationRequest Request(
        string action, ContextKeys? context = null, DateTimeOffset? time = null, string? externalId = null,
        string? roleSessionName = null, IReadOnlyDictionary<string, string>? requestTags = null) => new()
    {
        Principal = Caller.Principal,
        Action = action,
        Resource = Resource.Resource,
        ResourceAccount = Resource.ResourceAccount,
        ResourceTags = Resource.ResourceTags,
        ResourceOrgId = Resource.ResourceOrgId,
        ResourceOrgPaths = Resource.ResourceOrgPaths,
        Context = context,
        Time = time,
        ExternalId = externalId,
        RoleSessionName = roleSessionName,
        RequestTags = requestTags,
    };

    /// <summary>Gathers, builds the request and asks the engine.</summary>
    public Decision Authorize(string action, ContextKeys? context = null, DateTimeOffset? time = null, string? externalId = null) =>
        Authorizer.Authorize(Request(action, context, time, externalId), Policies);
}
