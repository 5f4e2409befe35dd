using System.Collections.Immutable;
using System.Globalization;
using Crossgate.Authorization;
using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Templates;

namespace Crossgate.Platform.Registry;

/// <summary>The account check for registered accounts: online (assume each role, then ask the endpoint's policy
/// simulator with the role's own session) or offline (the engine over an imported directory).</summary>
public static class RegistryAccountCheck
{
    /// <summary>Assumes the role; when that fails every group is "not checked" and the probe's reason is kept.</summary>
    public static async Task<AccountCheckResult> CheckOnlineAsync(
        RegisteredAccount account, PermissionProfile profile, AssumabilityProbe probe,
        Func<AwsCredentialSet, IPermissionOracle> oracleForSession, CancellationToken cancellation)
    {
        var assumed = await probe.ProbeAsync(account, cancellation).ConfigureAwait(false);
        if (!assumed.Assumable)
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, assumed.Reason!, profile) with { AssumeRoleTime = assumed.AssumeRoleTime };
        }

        try
        {
            var checkedResult = await AccountChecker.CheckAsync(account.Alias, account.AccountId, account.RoleArn, profile, oracleForSession(assumed.Credentials!), cancellation).ConfigureAwait(false);
            return checkedResult with { AssumeRoleTime = assumed.AssumeRoleTime };
        }
        catch (AwsCallException ex)
        {
            // The role was assumed, but its session may not ask the simulator about itself.
            var reason = $"The role was assumed, but IAM SimulatePrincipalPolicy failed ({ex.Code}: {ex.AwsMessage}); " +
                         "the role needs iam:SimulatePrincipalPolicy on itself for the account check.";
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, reason, profile) with { Assumable = true, AssumeRoleTime = assumed.AssumeRoleTime };
        }
    }

    /// <summary>Checks the role as the imported directory holds it: its policies, boundary and the account's SCPs,
    /// evaluated by the engine for a session of the role. A role missing from the directory is not assumable. With
    /// <paramref name="callerArn"/> (the platform's identity: a user, a role, or root) the engine also decides
    /// <c>sts:AssumeRole</c> for that caller, trust policy, external id and session length included, as STS would;
    /// without it only the role's existence is known.</summary>
    public static async Task<AccountCheckResult> CheckOfflineAsync(
        RegisteredAccount account, PermissionProfile profile, PolicyGatherer gatherer, DateTimeOffset now, CancellationToken cancellation,
        string? callerArn = null)
    {
        if (!RoleArn.TryParse(account.RoleArn, out var arn, out var arnError))
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, arnError!, profile);
        }

        var role = await gatherer.Store.GetRoleAsync(arn!.AccountId, arn.Name, cancellation).ConfigureAwait(false);
        if (role is null)
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn,
                $"The role {arn.Name} does not exist in account {arn.AccountId} of the directory ({gatherer.Store.Description}).", profile);
        }

        if (callerArn is not null
            && await WhyNotAssumableAsync(account, callerArn, role.Value.MaxSessionDuration, gatherer, now, cancellation).ConfigureAwait(false) is { } refusal)
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, refusal, profile);
        }

        var session = SessionOf(arn.AccountId, role.Value.Arn, role.Value.RoleId, now, account.SessionDuration);
        var caller = await gatherer.ForSessionAsync(session, cancellation).ConfigureAwait(false);
        if (!caller.Success)
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn,
                $"The directory could not build a session of the role: {caller.Error!.Code}: {caller.Error.Message}", profile);
        }

        // The engine oracle asks synchronously, so gather each resource's side up front.
        var prepared = new Dictionary<string, (RequestPrincipal, PolicySet)>(StringComparer.Ordinal);
        var policyNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in profile.Groups.SelectMany(g => g.Questions()).Select(q => q.Resource).Append("*").Distinct(StringComparer.Ordinal))
        {
            var gathered = await gatherer.GatherAsync(caller.Value!, resource,
                EnginePermissionOracle.ResourceAccountFor(resource, arn.AccountId), cancellationToken: cancellation).ConfigureAwait(false);
            if (!gathered.Success)
            {
                return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn,
                    $"The directory could not gather the policies for {resource}: {gathered.Error!.Message}", profile) with { Assumable = true };
            }

            prepared[resource] = (caller.Value!.Principal, gathered.Value!.Policies);
            await NameOrganizationPoliciesAsync(gathered.Value.Policies, gatherer.Store, policyNames, cancellation).ConfigureAwait(false);
        }

        var oracle = new EnginePermissionOracle((_, resource) => prepared[resource], policyNames);
        return await AccountChecker.CheckAsync(account.Alias, account.AccountId, account.RoleArn, profile, oracle, cancellation).ConfigureAwait(false);
    }

    /// <summary>Each SCP's and RCP's name by ARN, as Organizations names it (the engine knows them by ARN).</summary>
    private static async Task NameOrganizationPoliciesAsync(PolicySet policies, IDirectoryStore store, Dictionary<string, string> names, CancellationToken cancellation)
    {
        foreach (var policy in policies.ServiceControlPolicies.Concat(policies.ResourceControlPolicies).SelectMany(level => level))
        {
            // arn:aws:organizations::MANAGEMENT:policy/o-ORG/service_control_policy/p-ID
            if (policy.Name is not { } arn || names.ContainsKey(arn))
            {
                continue;
            }

            var parts = arn.Split('/');
            if (parts.Length >= 4 && await store.GetOrganizationPolicyAsync(parts[1], parts[^1], cancellation).ConfigureAwait(false) is { } stored)
            {
                names[arn] = stored.Value.Name;
            }
        }
    }

    /// <summary>Decides, as STS would, whether <paramref name="callerArn"/> may assume the registered role with the
    /// registered external id and session length; null when it may, else the reason in actionable terms.</summary>
    private static async Task<string?> WhyNotAssumableAsync(RegisteredAccount account, string callerArn, int maxSessionDuration,
        PolicyGatherer gatherer, DateTimeOffset now, CancellationToken cancellation)
    {
        DirectoryResult<CallerContext> caller;
        if (RoleArn.TryParse(callerArn, out var callerRoleArn, out _))
        {
            // A role signs as one of its sessions.
            var callerRole = await gatherer.Store.GetRoleAsync(callerRoleArn!.AccountId, callerRoleArn.Name, cancellation).ConfigureAwait(false);
            if (callerRole is null)
            {
                return $"The caller {callerArn} is not in the directory ({gatherer.Store.Description}).";
            }

            caller = await gatherer.ForSessionAsync(
                SessionOf(callerRoleArn.AccountId, callerRole.Value.Arn, callerRole.Value.RoleId, now, 3600), cancellation).ConfigureAwait(false);
        }
        else
        {
            caller = await gatherer.ForPrincipalArnAsync(callerArn, cancellation).ConfigureAwait(false);
        }

        if (!caller.Success)
        {
            return $"The caller {callerArn} is not in the directory ({gatherer.Store.Description}): {caller.Error!.Message}";
        }

        var gathered = await gatherer.GatherAsync(caller.Value!, account.RoleArn, account.AccountId, cancellationToken: cancellation).ConfigureAwait(false);
        if (!gathered.Success)
        {
            return $"The directory could not gather the trust policy of {account.RoleArn}: {gathered.Error!.Message}";
        }

        var request = gathered.Value!.Request(StsActions.AssumeRole, time: now, externalId: account.ExternalId,
            roleSessionName: AssumabilityProbe.SessionName);
        var decision = Authorizer.Authorize(request, gathered.Value.Policies);
        if (!decision.IsAllowed)
        {
            // Worded as STS words it, with the engine's reason (which layer refused) to say what to change.
            var message = decision.Reason is { } reason && decision.Message?.EndsWith(reason, StringComparison.Ordinal) != true
                ? $"{decision.Message} {reason}"
                : decision.Message ?? string.Empty;
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            await NameOrganizationPoliciesAsync(gathered.Value.Policies, gatherer.Store, names, cancellation).ConfigureAwait(false);
            return AssumeFailureExplainer.Explain("AccessDenied", message, account, callerArn, CallerSideOf(decision, names)).Reason;
        }

        var chaining = caller.Value!.Principal.UsesTemporaryCredentials;
        var (_, durationError) = RoleSessionDuration.Resolve(account.SessionDuration, maxSessionDuration, chaining);
        return durationError is null
            ? null
            : AssumeFailureExplainer.Explain("ValidationError", durationError, account, callerArn).Reason;
    }

    /// <summary>The engine's decision read as the simulator's view of the caller's side: a refusal by the trust
    /// policy leaves the caller's side allowing.</summary>
    private static CallerSideAnswer CallerSideOf(Decision decision, IReadOnlyDictionary<string, string> policyNames)
    {
        var side = decision.Outcome == EvalDecision.ExplicitDeny ? CallerSide.ExplicitDeny : CallerSide.NoAllow;
        var deny = decision.MatchedStatements.FirstOrDefault(s => s.Layer == decision.DecidingLayer && s.Effect == Crossgate.Policies.Effect.Deny);
        return decision.DecidingLayer switch
        {
            PolicyLayer.Resource => new CallerSideAnswer(CallerSide.Allows),
            PolicyLayer.ServiceControl => new CallerSideAnswer(side, deny?.PolicyName is { } arn
                ? $"the service control policy {(policyNames.TryGetValue(arn, out var scpName) ? scpName : DenialCause.NameFromArn(arn))} ({arn})"
                : "the service control policies over its account"),
            PolicyLayer.PermissionsBoundary => new CallerSideAnswer(side, "its permissions boundary"),
            PolicyLayer.Identity => new CallerSideAnswer(side, deny?.PolicyName is { } name ? $"its policy {DenialCause.NameFromArn(name)}" : "its identity-based policies"),
            _ => CallerSideAnswer.Unknown,
        };
    }

    /// <summary>A session of a role as the platform's check would hold it; nothing signs with it, so it has no
    /// secrets.</summary>
    private static StsSession SessionOf(string accountId, string roleArn, string roleId, DateTimeOffset now, int seconds) => new()
    {
        AccountId = accountId,
        AccessKeyId = "ASIACROSSGATEOFFLINE",
        SecretAccessKey = string.Empty,
        SessionToken = string.Empty,
        RoleArn = roleArn,
        RoleId = roleId,
        SessionName = AssumabilityProbe.SessionName,
        IssuedAt = now,
        Expiration = now.AddSeconds(seconds),
    };

    /// <summary>A one-line summary kept with the registration: "4 granted", "2 granted, 1 partial", "not assumable".</summary>
    public static string Summarize(AccountCheckResult result)
    {
        if (result.Verdict is AccountVerdict.NotAssumable or AccountVerdict.NotChecked)
        {
            return result.Verdict.ToText();
        }

        var counts = result.Groups.GroupBy(g => g.Status).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToWireName()}"));
        return string.Join(", ", counts);
    }
}
