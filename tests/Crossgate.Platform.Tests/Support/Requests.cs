using System.Collections.Frozen;
using Crossgate.Authorization;
using Crossgate.Policies;
using Crossgate.Policies.Evaluation;

namespace Crossgate.Platform.Tests.Support;

/// <summary>Requests from the example organization's principals, decided by the real engine.</summary>
internal static class Requests
{
    public const string PlatformAccount = "111111111111";
    public const string TargetAccount = "222222222222";
    public const string PlatformRoleArn = "arn:aws:iam::111111111111:role/PlatformRole";

    /// <summary>A session of <c>PlatformRole</c> in the platform's account.</summary>
    public static RequestPrincipal PlatformSession(string account = PlatformAccount, string roleName = "PlatformRole") => new()
    {
        Kind = PrincipalKind.AssumedRole,
        Arn = $"arn:aws:sts::{account}:assumed-role/{roleName}/platform",
        AccountId = account,
        RoleArn = $"arn:aws:iam::{account}:role/{roleName}",
        SessionName = "platform",
        UniqueId = "AROAEXAMPLEROLEID0001",
        UsesTemporaryCredentials = true,
    };

    public static bool Allowed(PolicySet policies, RequestPrincipal principal, string action, string resource,
        IReadOnlyDictionary<string, string>? resourceTags = null, string? externalId = null, ContextKeys? context = null)
    {
        var request = new AuthorizationRequest
        {
            Principal = principal,
            Action = action,
            Resource = resource,
            ResourceTags = resourceTags ?? FrozenDictionary<string, string>.Empty,
            ExternalId = externalId,
            Context = context,
        };
        return Authorizer.Decide(request, policies).IsAllowed;
    }

    public static PolicySet Identity(PolicyDocument document) =>
        new() { IdentityPolicies = [CompiledPolicy.Compile(document)] };
}
