namespace Crossgate.Authorization;

/// <summary>AccessDenied texts worded as AWS words them.</summary>
public static class DenialMessage
{
    public const string RootCannotAssumeRole = "Roles may not be assumed by root accounts.";

    public const string MissingKeyPolicy = "because the KMS key has no key policy, and only a key policy can grant access to a KMS key";

    /// <summary>The message AWS returns for a refused request; null when allowed. <paramref name="denyingPolicy"/> names
    /// the policy whose Deny decided an explicit deny: AWS appends its ARN when the policy is in the caller's
    /// account or organization.</summary>
    public static string? For(AuthorizationRequest request, DecisionSummary summary, string? denyingPolicy = null)
    {
        if (summary.IsAllowed)
        {
            return null;
        }

        if (summary.RootAssumingRole)
        {
            return RootCannotAssumeRole;
        }

        var head = Head(request);

        // STS's AssumeRole refusals name no policy type.
        if (StsActions.IsAssumeRoleFamily(request.Action) || summary.DecidingLayer is not { } layer)
        {
            return head;
        }

        var message = head + " " + Suffix(request.Action, summary.Decision, layer);
        return PolicyArnShown(request, summary, layer, denyingPolicy) ? message + ": " + denyingPolicy : message;
    }

    /// <summary>AWS names the denying policy's ARN for explicit denies in SCPs, RCPs, permissions boundaries, session
    /// and identity-based policies, but only to callers in the policy's own account or organization.</summary>
    private static bool PolicyArnShown(AuthorizationRequest request, DecisionSummary summary, PolicyLayer layer, string? policy)
    {
        if (summary.Decision != EvalDecision.ExplicitDeny || policy is null || !policy.StartsWith("arn:", StringComparison.Ordinal))
        {
            return false;
        }

        return layer switch
        {
            // The caller's own policies (and its organization's SCPs) are always the caller's.
            PolicyLayer.ServiceControl or PolicyLayer.Identity or PolicyLayer.PermissionsBoundary or PolicyLayer.Session => true,

            // An RCP belongs to the resource's organization.
            PolicyLayer.ResourceControl => !request.IsCrossAccount
                || (request.Principal.OrgId is { } org && string.Equals(org, request.ResourceOrgId, StringComparison.Ordinal)),
            _ => false,
        };
    }

    /// <summary>Why, in the form AWS uses after the head of the message, for every denial including STS's.</summary>
    public static string? ReasonFor(AuthorizationRequest request, DecisionSummary summary)
    {
        if (summary.IsAllowed)
        {
            return null;
        }

        if (summary.RootAssumingRole)
        {
            return RootCannotAssumeRole;
        }

        if (summary.Rule == DecisionRule.ProtectedResource)
        {
            return ProtectedReason(ProtectedResources.Covers(request.Action, request.Resource));
        }

        if (summary.Rule == DecisionRule.MissingKeyPolicy)
        {
            return MissingKeyPolicy;
        }

        if (summary.DecidingLayer is not { } layer)
        {
            return null;
        }

        if (StsActions.IsAssumeRoleFamily(request.Action) && layer == PolicyLayer.Resource)
        {
            return summary.Decision == EvalDecision.ExplicitDeny
                ? "with an explicit deny in the role trust policy"
                : $"because no role trust policy allows the {request.Action} action";
        }

        return Suffix(request.Action, summary.Decision, layer);
    }

    private static string ProtectedReason(ProtectedResourceKind? kind) => kind switch
    {
        ProtectedResourceKind.AwsManagedPolicy => "because AWS managed policies can be changed only by AWS",
        ProtectedResourceKind.ServiceLinkedRole => "because a service-linked role can be changed only by the service that owns it",
        ProtectedResourceKind.ReservedRole => "because roles under /aws-reserved/ can be changed only by AWS",
        _ => "because AWS managed KMS keys and their aliases can be changed only by AWS",
    };

    private static string Head(AuthorizationRequest request)
    {
        var head = $"User: {request.Principal.Arn} is not authorized to perform: {request.Action}";
        return request.Resource is "*" or "" ? head : head + " on resource: " + request.Resource;
    }

    private static string Suffix(string action, EvalDecision decision, PolicyLayer layer)
    {
        // An SCP or RCP that lacks an Allow is reported as an explicit deny, as AWS reports it.
        var explicitWording = decision == EvalDecision.ExplicitDeny
            || layer is PolicyLayer.ServiceControl or PolicyLayer.ResourceControl;
        var name = layer.DenialName();
        if (explicitWording)
        {
            var article = name.StartsWith('i') ? "an" : "a";
            return $"with an explicit deny in {article} {name}";
        }

        return $"because no {name} allows the {action} action";
    }
}
