using System.Globalization;
using Crossgate.Platform.Templates;

namespace Crossgate.Platform.Registry;

/// <summary>Turns STS's refusal of <c>AssumeRole</c> into a reason a person can act on, using the registration (its
/// external id and session length) and the caller's identity. AWS answers a bare AccessDenied for a trust policy
/// that does not match, a wrong or missing external id, a caller policy without <c>sts:AssumeRole</c> and a role
/// that does not exist alike; then every likely cause is listed rather than one guessed.</summary>
public static class AssumeFailureExplainer
{
    /// <summary>Said where the reason is read: on the command line and in the console alike.</summary>
    private const string RegisterExternalId =
        "register the account with the external id its owner gave you (--external-id on the command line, External ID in the console)";

    /// <param name="callerSide">What IAM's simulator said of the caller's own side for <c>sts:AssumeRole</c> on the
    /// role, when it could be asked: it tells which side a bare AccessDenied comes from.</param>
    public static (AssumeFailureKind Kind, string Reason) Explain(
        string code, string message, RegisteredAccount registration, string? callerArn, CallerSideAnswer? callerSide = null)
    {
        var role = registration.RoleArn;
        var caller = callerArn ?? "the platform's identity";
        return code switch
        {
            "AccessDenied" or "AccessDeniedException" => ExplainAccessDenied(message, registration, callerArn, callerSide ?? CallerSideAnswer.Unknown),
            "NoSuchEntity" or "NoSuchEntityException" => (AssumeFailureKind.RoleMissing,
                $"The role {role} does not exist. Create it in account {registration.AccountId} (crossgate template role writes a template) or correct the ARN."),
            "ValidationError" or "ValidationException" when message.Contains("role chaining", StringComparison.OrdinalIgnoreCase) => (AssumeFailureKind.ChainingLimit,
                $"The platform's own credentials ({caller}) are themselves a role session, and AWS limits a session assumed by role chaining to one hour, " +
                $"but {registration.SessionDuration.ToString(CultureInfo.InvariantCulture)} seconds were requested. Register the account with a session duration of 3600 seconds or less (--session-duration), or run the platform with long-term credentials."),
            "ValidationError" or "ValidationException" when message.Contains("MaxSessionDuration", StringComparison.OrdinalIgnoreCase) => (AssumeFailureKind.SessionTooLong,
                $"The role's maximum session duration is shorter than the {registration.SessionDuration.ToString(CultureInfo.InvariantCulture)} seconds requested. " +
                $"Raise the role's MaxSessionDuration to at least {registration.SessionDuration.ToString(CultureInfo.InvariantCulture)} (aws iam update-role --max-session-duration), or register the account with a shorter session duration (--session-duration). AWS said: {message}"),
            "InvalidClientTokenId" or "SignatureDoesNotMatch" or "ExpiredToken" or "ExpiredTokenException" or "UnrecognizedClientException" or "InvalidAccessKeyId" or "IncompleteSignature" => (AssumeFailureKind.CallerCredentials,
                $"STS refused the platform's own credentials ({code}: {message}). Check AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, and that a session token has not expired."),
            "RegionDisabledException" => (AssumeFailureKind.Unreachable,
                $"STS is not activated in this region for account {registration.AccountId}; activate the region's STS endpoint or use another --region. AWS said: {message}"),
            _ => (AssumeFailureKind.Other, $"AssumeRole on {role} failed: {code}: {message}"),
        };
    }

    private static (AssumeFailureKind, string) ExplainAccessDenied(string message, RegisteredAccount registration, string? callerArn, CallerSideAnswer callerSide)
    {
        var role = registration.RoleArn;
        var caller = callerArn ?? "the platform's identity";
        var (callerAccount, callerRole) = CallerParts(callerArn);
        if (message.Contains("may not be assumed by root", StringComparison.OrdinalIgnoreCase))
        {
            return (AssumeFailureKind.RootCaller,
                $"The platform is signed in as the root user{(callerAccount is null ? string.Empty : " of account " + callerAccount)}, and AWS does not let root assume roles. Run it with an IAM user's or role's credentials.");
        }

        if (message.Contains("trust policy", StringComparison.OrdinalIgnoreCase))
        {
            return (AssumeFailureKind.TrustPolicy,
                $"The trust policy of {role} does not allow {caller}. {TrustAdvice(callerAccount, callerRole)} {ExternalIdAdvice(registration)}");
        }

        var explicitDeny = message.Contains("explicit deny", StringComparison.OrdinalIgnoreCase);
        if (callerSide.Side == CallerSide.ExplicitDeny || (explicitDeny && callerSide.Side != CallerSide.Allows))
        {
            var who = callerSide.Detail ?? LayerIn(message, explicitDeny: true);
            return (AssumeFailureKind.CallerDeny,
                $"The fault is on the caller's side: {caller} is explicitly denied sts:AssumeRole on {role} by {who}. " +
                "An Allow cannot override a Deny: remove or narrow that Deny statement (or exempt this role from it), or run the platform as another identity.");
        }

        if (callerSide.Side == CallerSide.NoAllow
            || message.Contains("identity-based policy", StringComparison.OrdinalIgnoreCase)
            || message.Contains("permissions boundary", StringComparison.OrdinalIgnoreCase)
            || message.Contains("session policy", StringComparison.OrdinalIgnoreCase)
            || message.Contains("service control policy", StringComparison.OrdinalIgnoreCase))
        {
            var which = callerSide.Detail ?? LayerIn(message, explicitDeny: false);
            return (AssumeFailureKind.CallerPolicy,
                $"The fault is on the caller's side: {which} do{(which.StartsWith("its permissions boundary", StringComparison.Ordinal) ? "es" : string.Empty)} not allow {caller} sts:AssumeRole on {role} " +
                $"(IAM's policy simulator). Allow sts:AssumeRole on that role in the caller's policy (crossgate template caller --role-name {RoleName(role)} writes one).");
        }

        if (callerSide.Side == CallerSide.Allows)
        {
            return (AssumeFailureKind.TargetSide, TargetSideReason(registration, caller, callerAccount, callerRole));
        }

        var causes = new List<string?>
        {
            $"the trust policy of {role} does not trust the caller: {TrustAdvice(callerAccount, callerRole)}",
            registration.ExternalId is null
                ? "the trust policy requires an external id (a condition on sts:ExternalId) and none is registered: " + RegisterExternalId
                : $"the trust policy expects an external id other than the registered '{registration.ExternalId}' (or a condition on sts:ExternalId is missing from it): compare the two and correct one",
            $"the caller's own policy ({caller}) does not allow sts:AssumeRole on {role}: add it (crossgate template caller --role-name {RoleName(role)})",
            $"the role does not exist in account {registration.AccountId}: AWS does not say so, and answers AccessDenied",
        };
        return (AssumeFailureKind.AccessDeniedAmbiguous,
            $"AWS refused to let {caller} assume {role} (AccessDenied), an answer it gives for several causes. Likely causes:\n" +
            string.Join("\n", causes.OfType<string>().Select((c, i) => $"  {i + 1}. {c}")) +
            $"\n  (Give {caller} iam:SimulatePrincipalPolicy on itself and Crossgate tells which side is at fault: " +
            $"crossgate template caller --role-name {RoleName(role)} --caller-arn ARN writes that statement.)");
    }

    /// <summary>The caller's side allows the call, so the target refused: what was sent, and what to fix there.</summary>
    private static string TargetSideReason(RegisteredAccount registration, string caller, string? callerAccount, string? callerRole)
    {
        var sent = new List<string>
        {
            registration.ExternalId is null
                ? "no external id (if the trust policy requires one, " + RegisterExternalId + ")"
                : $"the external id '{registration.ExternalId}' (if the trust policy requires one, it must be exactly this)",
            string.Create(CultureInfo.InvariantCulture, $"a session of {registration.SessionDuration} seconds"),
        };
        if (callerRole is not null)
        {
            sent.Add($"as a session of the role {callerRole}: role chaining, which limits the session to one hour");
        }

        return $"The fault is on the target side, in account {registration.AccountId}: the role {registration.RoleArn} does not exist, " +
               $"or its trust policy does not trust {caller} (AWS answers both the same way). {caller}'s own side allows sts:AssumeRole on it " +
               "(IAM's policy simulator: its policies, service control policies and permissions boundary). " +
               $"Create the role (crossgate template role writes a template) or correct its trust policy: {TrustAdvice(callerAccount, callerRole)} " +
               $"Sent: {string.Join("; ", sent)}.";
    }

    private static string TrustAdvice(string? callerAccount, string? callerRole)
    {
        if (callerAccount is null)
        {
            return "it must name the platform's account or role as Principal with Action sts:AssumeRole.";
        }

        var roleText = callerRole is null ? string.Empty : $" or the role {callerRole}";
        return $"it must name account {callerAccount} (arn:aws:iam::{callerAccount}:root){roleText} as Principal with Action sts:AssumeRole.";
    }

    private static string ExternalIdAdvice(RegisteredAccount registration) => registration.ExternalId is null
        ? "If it requires an external id, " + RegisterExternalId + "."
        : $"If it requires an external id, it must be the registered '{registration.ExternalId}'.";

    /// <summary>The caller's account and, for a role session, the role it came from.</summary>
    public static (string? Account, string? Role) CallerParts(string? callerArn)
    {
        if (callerArn is null)
        {
            return (null, null);
        }

        var parts = callerArn.Split(':', 6);
        if (parts.Length != 6)
        {
            return (null, null);
        }

        var account = parts[4].Length == 12 ? parts[4] : null;
        if (parts[2] == "sts" && parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var name = parts[5]["assumed-role/".Length..].Split('/')[0];
            return (account, $"arn:{parts[1]}:iam::{parts[4]}:role/{name}");
        }

        return (account, parts[2] == "iam" && parts[5].StartsWith("role/", StringComparison.Ordinal) ? callerArn : null);
    }

    private static string RoleName(string roleArn) => RoleArn.TryParse(roleArn, out var arn, out _) ? arn!.Name : roleArn;

    /// <summary>The caller-side layer an AccessDenied message names, as the subject of "does not allow" or the
    /// object of "denied by".</summary>
    private static string LayerIn(string message, bool explicitDeny)
    {
        if (message.Contains("service control policy", StringComparison.OrdinalIgnoreCase))
        {
            return explicitDeny ? "a service control policy over its account" : "the service control policies over its account";
        }

        if (message.Contains("permissions boundary", StringComparison.OrdinalIgnoreCase))
        {
            return "its permissions boundary";
        }

        if (message.Contains("session policy", StringComparison.OrdinalIgnoreCase))
        {
            return explicitDeny ? "its session policy" : "its session policies";
        }

        return explicitDeny ? "one of its identity-based policies" : "its identity-based policies";
    }
}
