using Crossgate.Directory;
using Crossgate.Directory.Storage;
using Crossgate.Directory.Gathering;
using Crossgate.Directory.Model;
using Crossgate.Policies.Evaluation;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Application;

/// <summary>Finds the secret behind an access key in the directory: an active <c>AKIA…</c> user key or root key (see <see cref="RootAccessKeys"/>), or an
/// <c>ASIA…</c> session key (expired sessions are still found, so that the endpoint can answer ExpiredToken).</summary>
public sealed class DirectoryCredentialResolver(CrossgateServices services) : ICredentialResolver
{
    public async ValueTask<ResolvedCredential?> ResolveAsync(string accessKeyId, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        string secret;
        string? token = null;
        DateTimeOffset? expiration = null;
        DirectoryResult<CallerContext> caller;
        if (accessKeyId.StartsWith("ASIA", StringComparison.Ordinal))
        {
            // Look the session up as of its own issue time so that an expired one still resolves; the verifier
            // then compares Expiration with the clock and answers ExpiredToken.
            var session = await services.Store.FindLiveSessionAsync(accessKeyId, DateTimeOffset.MinValue, cancellationToken).ConfigureAwait(false);
            if (session is null)
            {
                return null;
            }

            secret = session.SecretAccessKey;
            token = session.SessionToken;
            expiration = session.Expiration;
            caller = RootSessions.IsRootSession(session)
                ? await RootSessions.ForRootSessionAsync(services.Gatherer, session, cancellationToken).ConfigureAwait(false)
                : await services.Gatherer.ForSessionAsync(session, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var key = await services.Store.FindAccessKeyAsync(accessKeyId, cancellationToken).ConfigureAwait(false);
            if (key is null)
            {
                return null;
            }

            secret = key.Value.SecretAccessKey;
            caller = RootAccessKeys.IsRootKey(key.Value)
                ? key.Value.Status == AccessKeyStatus.Active
                    ? await services.Gatherer.ForRootAsync(key.Value.AccountId, cancellationToken).ConfigureAwait(false)
                    : new IamError("InvalidClientTokenId", "The security token included in the request is invalid.", 403)
                : await services.Gatherer.ForAccessKeyAsync(accessKeyId, now, cancellationToken).ConfigureAwait(false);
            if (!caller.Success)
            {
                return new ResolvedCredential(accessKeyId, secret, new CallerIdentity(key.Value.AccountId, string.Empty, string.Empty)) { IsActive = false };
            }
        }

        if (!caller.Success)
        {
            return null;
        }

        var principal = caller.Value!.Principal;
        var identity = new CallerIdentity(principal.AccountId, principal.Arn, principal.UserIdValue);
        return new DirectoryCredential(accessKeyId, secret, identity, caller.Value)
        {
            SessionToken = token,
            Expiration = expiration,
        };
    }
}
