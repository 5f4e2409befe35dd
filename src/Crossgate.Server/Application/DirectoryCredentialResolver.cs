using Crossgate.Directory;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Directory.Storage;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Application;

/// <summary>Finds the secret and caller behind an access key through the in-memory <see cref="DirectoryView"/>: an
/// <c>AKIA…</c> user key or root key (see <see cref="RootAccessKeys"/>), or an <c>ASIA…</c> session key whose
/// session is sealed in the request's token (or, for sessions issued before tokens were sealed, stored). Expired
/// sessions are still found, so that the verifier can answer ExpiredToken once the signature is checked.</summary>
public sealed class DirectoryCredentialResolver(CrossgateServices services) : ICredentialResolver
{
    public async ValueTask<ResolvedCredential?> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken) =>
        accessKeyId.StartsWith(UniqueIds.TemporaryKeyPrefix, StringComparison.Ordinal)
            ? await ForSessionKeyAsync(accessKeyId, sessionToken, cancellationToken).ConfigureAwait(false)
            : await services.View.DerivedAsync("credential:" + accessKeyId, ct => ForLongTermKeyAsync(accessKeyId, ct), cancellationToken).ConfigureAwait(false);

    private async Task<ResolvedCredential?> ForLongTermKeyAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var key = await services.View.FindAccessKeyAsync(accessKeyId, cancellationToken).ConfigureAwait(false);
        if (key is null)
        {
            return null;
        }

        var caller = key.Value.Status != AccessKeyStatus.Active
            ? new IamError("InvalidClientTokenId", "The security token included in the request is invalid.", 403)
            : RootAccessKeys.IsRootKey(key.Value)
                ? await services.Gatherer.ForRootAsync(key.Value.AccountId, cancellationToken).ConfigureAwait(false)
                : await services.Gatherer.ForUserAsync(key.Value.AccountId, key.Value.UserName, cancellationToken).ConfigureAwait(false);
        if (!caller.Success)
        {
            return new ResolvedCredential(accessKeyId, key.Value.SecretAccessKey, new CallerIdentity(key.Value.AccountId, string.Empty, string.Empty)) { IsActive = false };
        }

        return Credential(accessKeyId, key.Value.SecretAccessKey, caller.Value!, null);
    }

    private async Task<ResolvedCredential?> ForSessionKeyAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken)
    {
        var session = sessionToken is null ? null : services.SessionTokens.Open(accessKeyId, sessionToken);
        session ??= (await services.View.FindSessionAsync(accessKeyId, cancellationToken).ConfigureAwait(false))?.Value;
        if (session is null)
        {
            return null;
        }

        // One key id names one session (a sealed token cannot be made for another), so its caller is kept by id.
        var caller = await services.View.DerivedAsync("session:" + accessKeyId, ct => RootSessions.IsRootSession(session)
            ? RootSessions.ForRootSessionAsync(services.Gatherer, session, ct)
            : services.Gatherer.ForSessionAsync(session, ct), cancellationToken).ConfigureAwait(false);
        return caller.Success ? Credential(accessKeyId, session.SecretAccessKey, caller.Value!, session) : null;
    }

    private static DirectoryCredential Credential(string accessKeyId, string secret, CallerContext caller, StsSession? session)
    {
        var principal = caller.Principal;
        return new DirectoryCredential(accessKeyId, secret, new CallerIdentity(principal.AccountId, principal.Arn, principal.UserIdValue), caller)
        {
            SessionToken = session?.SessionToken,
            Expiration = session?.Expiration,
            Session = session,
        };
    }
}
