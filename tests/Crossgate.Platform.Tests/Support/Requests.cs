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
        // Every KMS key has a key policy; the keys of these tests have the default one, which lets identity policies grant.
        if (policies.ResourcePolicy is null && KmsKeys.IsKeyRequest(action, resource))
        {
            policies = new PolicySet
            {
                IdentityPolicies = policies.IdentityPolicies, PermissionsBoundary = policies.PermissionsBoundary, SessionPolicies = policies.SessionPolicies,
                ServiceControlPolicies = policies.ServiceControlPolicies, ResourceControlPolicies = policies.ResourceControlPolicies,
                ResourcePolicy = DefaultKeyPolicy(request.EffectiveResourceAccount),
            };
        }

        return Authorizer.Decide(request, policies).IsAllowed;
    }

    private static CompiledPolicy DefaultKeyPolicy(string account) => CompiledPolicy.Compile(PolicyParser.Parse(
        $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{account}}:root"},"Action":"kms:*","Resource":"*"}]}""",
        PolicyKind.Resource).Document!, "default key policy");

    public static PolicySet Identity(PolicyDocument document) =>
        new() { IdentityPolicies = [CompiledPolicy.Compile(document)] };
}
