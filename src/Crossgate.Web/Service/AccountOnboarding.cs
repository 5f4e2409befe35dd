using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Service;

/// <summary>Adding an account as the console's "add role" does: the registry's rules, one alias (ignoring case) and
/// one registration per role ARN, proof that the role can be assumed, then (unless declined) the account check. A
/// check that outlasts <see cref="CheckWaitLimit"/> goes on in the background and the answer says so.</summary>
public sealed class AccountOnboarding(
    IRegisteredAccounts registry, PlatformConnection connection, AccountCheckService checks, BackgroundChecks background, TimeProvider clock)
{
    public TimeSpan CheckWaitLimit { get; init; } = TimeSpan.FromSeconds(30);

    public sealed record Added(RegisteredAccount Account, StoredCheck? Check, bool CheckPending);

    public async Task<(Added? Added, ServiceError? Error)> AddAsync(
        string alias, string roleArn, string? externalId, bool runAccountCheck, CancellationToken cancellation)
    {
        var policy = await registry.GetPolicyAsync(cancellation).ConfigureAwait(false);
        var (account, refusal) = RegistrationRules.Validate(alias, roleArn, externalId, null, policy, clock.GetUtcNow());
        if (account is null)
        {
            // The rules quote what they refuse; a value of hundreds of characters is quoted cut short.
            return (null, ServiceError.Unprocessable(Quoted(Quoted(refusal!, alias), roleArn)));
        }

        if (await ConflictAsync(account, cancellation).ConfigureAwait(false) is { } conflict)
        {
            return (null, conflict);
        }

        var credentials = await connection.CredentialsAsync(cancellation).ConfigureAwait(false);
        var probed = await new AssumabilityProbe(connection.Target, credentials, connection.Http).ProbeAsync(account, cancellation).ConfigureAwait(false);
        if (!probed.Assumable)
        {
            return (null, ServiceError.Unprocessable($"Not registered: {account.RoleArn} could not be assumed. {probed.Reason}"));
        }

        if (await registry.AddAsync(account, cancellation).ConfigureAwait(false) is { } addError)
        {
            return (null, ServiceError.Conflict(addError));
        }

        if (!runAccountCheck)
        {
            return (new Added(account, null, false), null);
        }

        // The check belongs to the service, not to this request: a client that stops waiting does not cancel it.
        var check = background.Run(token => checks.CheckAsync(account, token));
        var finished = await Task.WhenAny(check, Task.Delay(CheckWaitLimit, cancellation)).ConfigureAwait(false);
        return finished == check
            ? (new Added(account, await check.ConfigureAwait(false), false), null)
            : (new Added(account, null, true), null);
    }

    private static string Quoted(string message, string value) =>
        value.Length > 80 ? message.Replace(value, Api.Problems.Shorten(value), StringComparison.Ordinal) : message;

    private async Task<ServiceError?> ConflictAsync(RegisteredAccount account, CancellationToken cancellation)
    {
        foreach (var existing in await registry.ListAsync(cancellation).ConfigureAwait(false))
        {
            if (string.Equals(existing.Alias, account.Alias, StringComparison.OrdinalIgnoreCase))
            {
                return ServiceError.Conflict($"The alias '{existing.Alias}' is already registered for {existing.RoleArn}; remove it first or choose another alias.");
            }

            if (string.Equals(existing.RoleArn, account.RoleArn, StringComparison.Ordinal))
            {
                return ServiceError.Conflict($"The role {account.RoleArn} is already registered as '{existing.Alias}'; a role is registered once.");
            }
        }

        return null;
    }
}
