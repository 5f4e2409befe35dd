using System.Globalization;
using Crossgate.Policies.Evaluation;
using Crossgate.Policies.Matching;

namespace Crossgate.Authorization;

/// <summary>Fills the request context with the global keys AWS sets itself. Caller-supplied keys go in first so
/// that nothing the engine derives can be overridden by them.</summary>
public static class RequestContextBuilder
{
    // Room for the keys the engine derives for a typical request (about a dozen, and a tag or two) besides the
    // caller's own.
    private const int TypicalKeys = 16;

    // Besides the caller's: resource account and organization, time, a few request keys.
    private const int TypicalRequestKeys = 8;

    public static RequestContext Build(AuthorizationRequest request)
    {
        // The caller's own keys are derived once per principal and shared, under the request's own; caller-supplied
        // keys only fill what the principal leaves unset, exactly as if they went in first and the principal's keys
        // over them. Keys of the resource side and the time may be shared too, over the caller's (they won over them
        // when both were the request's own).
        var shared = request.SharedResourceKeys;
        var capacity = shared is null ? TypicalRequestKeys + request.ResourceTags.Count * 3 + (request.Context?.Count ?? 0) : request.Context?.Count ?? 0;
        var keys = shared is null
            ? new ContextKeys(request.Principal.ContextKeys, capacity)
            : new ContextKeys(shared, request.Principal.ContextKeys, capacity);
        var context = new RequestContext(keys)
        {
            Action = request.Action,
            Resource = request.Resource,
            // An anonymous caller is no principal, unless it comes through an identity provider that Federated entries name.
            Principal = request.Principal is { Kind: PrincipalKind.Anonymous, FederatedProvider: null } ? null : request.Principal.Identity,
        };
        if (request.Context is not null)
        {
            foreach (var (key, value) in request.Context.All)
            {
                keys.TryAdd(key, value);
            }
        }

        var time = request.Time ?? DateTimeOffset.UtcNow;
        if (shared is null)
        {
            AddResourceKeys(request, keys);
        }

        AddRequestKeys(request, keys);
        if (shared is null)
        {
            AddTimeKeys(time, keys);
        }

        if (request.Principal is { UsesTemporaryCredentials: true, MultiFactorAuthenticated: true, MultiFactorAuthTime: { } mfaTime })
        {
            var age = Math.Max(0, (long)(time - mfaTime).TotalSeconds);
            keys.Set("aws:MultiFactorAuthAge", age.ToString(CultureInfo.InvariantCulture));
        }

        return context;
    }

    /// <summary>The keys <see cref="Build"/> derives from <paramref name="request"/>'s resource side (account,
    /// organization, tags — which depend on the resource's and the action's services only when there are tags) and
    /// its time, to be shared as <see cref="AuthorizationRequest.SharedResourceKeys"/> by requests that agree on
    /// those. Requests the request's own <c>Time</c>, so that every sharer agrees on the moment.</summary>
    public static ContextKeys SharedResourceKeys(AuthorizationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Time is not { } time)
        {
            throw new ArgumentException("Shared resource keys need the request's Time.", nameof(request));
        }

        var keys = new ContextKeys(TypicalRequestKeys + request.ResourceTags.Count * 3);
        AddResourceKeys(request, keys);
        AddTimeKeys(time, keys);
        return keys;
    }

    /// <summary>The keys that depend on the caller alone.</summary>
    internal static ContextKeys PrincipalKeys(RequestPrincipal principal)
    {
        var keys = new ContextKeys(TypicalKeys);
        AddPrincipalKeys(principal, keys);
        return keys;
    }

    private static void AddPrincipalKeys(RequestPrincipal principal, ContextKeys keys)
    {
        if (principal.PrincipalTypeValue is { } type)
        {
            keys.Set("aws:PrincipalType", type);
        }

        keys.Set("aws:userid", principal.UserIdValue);
        if (principal.Kind == PrincipalKind.Anonymous)
        {
            keys.Set("aws:PrincipalAccount", "anonymous");
            return;
        }

        if (principal.Kind == PrincipalKind.Service)
        {
            keys.Set("aws:PrincipalIsAWSService", "true");
            if (principal.ServiceName is { } service)
            {
                keys.Set("aws:PrincipalServiceName", service);
            }

            return;
        }

        keys.Set("aws:PrincipalIsAWSService", "false");
        keys.Set("aws:PrincipalArn", principal.PrincipalArn);
        keys.Set("aws:PrincipalAccount", principal.AccountId);
        if (principal.Kind == PrincipalKind.User && principal.UserName is { } userName)
        {
            keys.Set("aws:username", userName);
        }

        foreach (var (key, value) in principal.Tags)
        {
            keys.Set("aws:PrincipalTag/" + key, value);
        }

        // Session tags win over the role's own tags with the same key (compared case-insensitively).
        foreach (var (key, value) in principal.SessionTags)
        {
            keys.Set("aws:PrincipalTag/" + key, value);
        }

        if (principal.OrgId is { } orgId)
        {
            keys.Set("aws:PrincipalOrgID", orgId);
        }

        if (principal.OrgPaths.Count > 0)
        {
            keys.SetMulti("aws:PrincipalOrgPaths", [.. principal.OrgPaths]);
        }

        if (principal.SourceIdentity is { } sourceIdentity)
        {
            keys.Set("aws:SourceIdentity", sourceIdentity);
        }

        // AWS sets the MFA keys only for temporary credentials; long-term keys leave them absent.
        if (principal.UsesTemporaryCredentials)
        {
            keys.Set("aws:MultiFactorAuthPresent", principal.MultiFactorAuthenticated ? "true" : "false");
            if (principal.TokenIssueTime is { } issued)
            {
                keys.Set("aws:TokenIssueTime", FormatTime(issued));
            }
        }
    }

    private static void AddResourceKeys(AuthorizationRequest request, ContextKeys keys)
    {
        var account = request.EffectiveResourceAccount;
        if (account.Length > 0)
        {
            keys.Set("aws:ResourceAccount", account);
        }

        if (request.ResourceOrgId is { } orgId)
        {
            keys.Set("aws:ResourceOrgID", orgId);
        }

        if (request.ResourceOrgPaths.Count > 0)
        {
            keys.SetMulti("aws:ResourceOrgPaths", [.. request.ResourceOrgPaths]);
        }

        // Services also publish the resource's tags under their own prefix (iam:ResourceTag/, ec2:ResourceTag/),
        // and the calling service under its own (ssm:resourceTag/ on an EC2 instance).
        string? resourceService = null;
        if (Arn.TrySplit(request.Resource, out var ranges))
        {
            resourceService = request.Resource[ranges.Service];
        }

        var colon = request.Action.IndexOf(':');
        var actionService = colon > 0 ? request.Action[..colon] : null;
        foreach (var (key, value) in request.ResourceTags)
        {
            keys.Set("aws:ResourceTag/" + key, value);
            if (!string.IsNullOrEmpty(resourceService))
            {
                keys.Set(resourceService + ":ResourceTag/" + key, value);
            }

            if (!string.IsNullOrEmpty(actionService) && !string.Equals(actionService, resourceService, StringComparison.OrdinalIgnoreCase))
            {
                keys.Set(actionService + ":ResourceTag/" + key, value);
            }
        }
    }

    private static void AddRequestKeys(AuthorizationRequest request, ContextKeys keys)
    {
        if (request.RequestTags is { Count: > 0 } tags)
        {
            var tagKeys = new string[tags.Count];
            var i = 0;
            foreach (var (key, value) in tags)
            {
                keys.Set("aws:RequestTag/" + key, value);
                tagKeys[i++] = key;
            }

            keys.SetMulti("aws:TagKeys", tagKeys);
        }

        if (!StsActions.IsAssumeRoleFamily(request.Action))
        {
            return;
        }

        if (request.ExternalId is { } externalId)
        {
            keys.Set("sts:ExternalId", externalId);
        }

        if (request.RoleSessionName is { } sessionName)
        {
            keys.Set("sts:RoleSessionName", sessionName);
        }

        if (request.RequestedSourceIdentity is { } sourceIdentity)
        {
            keys.Set("sts:SourceIdentity", sourceIdentity);
        }

        if (request.TransitiveTagKeys is { Count: > 0 } transitive)
        {
            keys.SetMulti("sts:TransitiveTagKeys", [.. transitive]);
        }
    }

    private static void AddTimeKeys(DateTimeOffset time, ContextKeys keys)
    {
        // Requests come many to the second: the texts of the last second seen are kept for the next request.
        var seconds = time.ToUnixTimeSeconds();
        var texts = LastSecond;
        if (texts is null || texts.Seconds != seconds)
        {
            texts = new SecondTexts(seconds, FormatTime(time), seconds.ToString(CultureInfo.InvariantCulture));
            LastSecond = texts;
        }

        keys.Set("aws:CurrentTime", texts.CurrentTime);
        keys.Set("aws:EpochTime", texts.EpochTime);
    }

    [ThreadStatic]
    private static SecondTexts? LastSecond;

    private sealed record SecondTexts(long Seconds, string CurrentTime, string EpochTime);

    private static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
