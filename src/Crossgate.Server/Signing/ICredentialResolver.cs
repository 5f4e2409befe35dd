namespace Crossgate.Server.Signing;

/// <summary>Looks up the secret and principal behind an access key id; the Directory plugs in here.</summary>
public interface ICredentialResolver
{
    /// <summary>The credential for <paramref name="accessKeyId"/>, or null when no such key exists (or it was deleted).
    /// <paramref name="sessionToken"/> is the request's <c>X-Amz-Security-Token</c>, which may carry the session
    /// itself.</summary>
    ValueTask<ResolvedCredential?> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken);
}
