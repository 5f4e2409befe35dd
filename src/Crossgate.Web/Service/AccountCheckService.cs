using Crossgate.Platform.AccountCheck;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;
using Crossgate.Platform.ServiceStore;

namespace Crossgate.Web.Service;

/// <summary>Runs account checks for the API, the console and the schedule: at most eight at once (shared by all of
/// them), each kept in the history with the changes it found against the one before.</summary>
public sealed class AccountCheckService(PlatformConnection connection, IPlatformStore store, IRegisteredAccounts registry, TimeProvider clock) : IDisposable
{
    public const int Parallelism = 8;

    public const string NoProfileReason =
        "No permission profile is stored, so no permission group was checked. Store one with PUT /api/v1/permissions, the console's " +
        "Permission profile page, or 'crossgate init --example'.";

    private readonly SemaphoreSlim _gate = new(Parallelism);

    public async Task<StoredCheck> CheckAsync(RegisteredAccount account, CancellationToken cancellation)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var started = clock.GetUtcNow();
            var result = await RunAsync(account, cancellation).ConfigureAwait(false);
            var finished = clock.GetUtcNow();
            var previous = await store.ListChecksAsync(account.Alias, 1, cancellation).ConfigureAwait(false);
            var stored = await store.AddCheckAsync(CheckMapping.ToStored(result, started, finished), cancellation).ConfigureAwait(false);
            await store.AddEventsAsync(CheckChanges.Between(previous.Count == 0 ? null : previous[0], stored), cancellation).ConfigureAwait(false);
            await registry.RecordCheckAsync(account.Alias, CheckMapping.Summary(result), finished, cancellation).ConfigureAwait(false);
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<AccountCheckResult> RunAsync(RegisteredAccount account, CancellationToken cancellation)
    {
        var credentials = await connection.CredentialsAsync(cancellation).ConfigureAwait(false);
        var probe = new AssumabilityProbe(connection.Target, credentials, connection.Http);
        var profileText = await store.GetPermissionsAsync(cancellation).ConfigureAwait(false);
        var profile = profileText is null ? null : PermissionProfile.Parse(profileText).Profile;
        if (profile is null)
        {
            var probed = await probe.ProbeAsync(account, cancellation).ConfigureAwait(false);
            return probed.Assumable
                ? CheckMapping.WithoutProfile(account, NoProfileReason)
                : new AccountCheckResult(account.Alias, account.AccountId, account.RoleArn, false, probed.Reason, []);
        }

        return await RegistryAccountCheck.CheckOnlineAsync(account, profile, probe,
            session => new SimulatorPermissionOracle(IamClient.Create(connection.Http, connection.Target, session)), cancellation).ConfigureAwait(false);
    }

    public void Dispose() => _gate.Dispose();
}
