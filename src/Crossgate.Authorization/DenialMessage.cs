namespace Crossgate.Authorization;

/// <summary>AccessDenied texts worded as AWS words them.</summary>
public static class DenialMessage
{
    public const string RootCannotAssumeRole = "Roles may not be assumed by root accounts.";

    /// <summary>The message AWS returns for a refused request; null when allowed.</summary>
    public static string? For(AuthorizationRequest request, DecisionSummary summary)
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

        return head + " " + Suffix(request.Action, summary.Decision, layer);
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
