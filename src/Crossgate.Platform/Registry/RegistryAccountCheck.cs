using System.Collections.Immutable;
using System.Globalization;
using Crossgate.Authorization;
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
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, assumed.Reason!, profile);
        }

        try
        {
            return await AccountChecker.CheckAsync(account.Alias, account.AccountId, account.RoleArn, profile, oracleForSession(assumed.Credentials!), cancellation).ConfigureAwait(false);
        }
        catch (AwsCallException ex)
        {
            // The role was assumed, but its session may not ask the simulator about itself.
            var reason = $"The role was assumed, but IAM SimulatePrincipalPolicy failed ({ex.Code}: {ex.AwsMessage}); " +
                         "the role needs iam:SimulatePrincipalPolicy on itself for the account check.";
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn, reason, profile) with { Assumable = true };
        }
    }

    /// <summary>Checks the role as the imported directory holds it: its policies, boundary and the account's SCPs,
    /// evaluated by the engine for a session of the role. A role missing from the directory is not assumable.</summary>
    public static async Task<AccountCheckResult> CheckOfflineAsync(
        RegisteredAccount account, PermissionProfile profile, PolicyGatherer gatherer, DateTimeOffset now, CancellationToken cancellation)
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

        var session = new StsSession
        {
            AccountId = arn.AccountId,
            AccessKeyId = "ASIACROSSGATEOFFLINE",
            SecretAccessKey = string.Empty,
            SessionToken = string.Empty,
            RoleArn = role.Value.Arn,
            RoleId = role.Value.RoleId,
            SessionName = AssumabilityProbe.SessionName,
            IssuedAt = now,
            Expiration = now.AddSeconds(account.SessionDuration),
        };
        var caller = await gatherer.ForSessionAsync(session, cancellation).ConfigureAwait(false);
        if (!caller.Success)
        {
            return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn,
                $"The directory could not build a session of the role: {caller.Error!.Code}: {caller.Error.Message}", profile);
        }

        // The engine oracle asks synchronously, so gather each resource's side up front.
        var prepared = new Dictionary<string, (RequestPrincipal, PolicySet)>(StringComparer.Ordinal);
        foreach (var resource in profile.Groups.SelectMany(g => g.Resources).Distinct(StringComparer.Ordinal))
        {
            var gathered = await gatherer.GatherAsync(caller.Value!, resource,
                EnginePermissionOracle.ResourceAccountFor(resource, arn.AccountId), cancellationToken: cancellation).ConfigureAwait(false);
            if (!gathered.Success)
            {
                return AccountChecker.NotAssumable(account.Alias, account.AccountId, account.RoleArn,
                    $"The directory could not gather the policies for {resource}: {gathered.Error!.Message}", profile) with { Assumable = true };
            }

            prepared[resource] = (caller.Value!.Principal, gathered.Value!.Policies);
        }

        var oracle = new EnginePermissionOracle((_, resource) => prepared[resource]);
        return await AccountChecker.CheckAsync(account.Alias, account.AccountId, account.RoleArn, profile, oracle, cancellation).ConfigureAwait(false);
    }

    /// <summary>A one-line summary kept with the registration: "4 granted", "2 granted, 1 partial", "not assumable".</summary>
    public static string Summarize(AccountCheckResult result)
    {
        if (!result.Assumable)
        {
            return "not assumable";
        }

        var counts = result.Groups.GroupBy(g => g.Status).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToWireName()}"));
        return string.Join(", ", counts);
    }
}
