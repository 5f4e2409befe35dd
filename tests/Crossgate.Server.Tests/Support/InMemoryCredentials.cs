using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Support;

/// <summary>A credential store held in a dictionary, for tests.</summary>
public sealed class InMemoryCredentials : ICredentialResolver
{
    private readonly Dictionary<string, ResolvedCredential> _byKey = new(StringComparer.Ordinal);

    public InMemoryCredentials Add(ResolvedCredential credential)
    {
        _byKey[credential.AccessKeyId] = credential;
        return this;
    }

    public InMemoryCredentials Add(string accessKeyId, string secret, string account = "111122223333", string? sessionToken = null)
    {
        var caller = new CallerIdentity(account, $"arn:aws:iam::{account}:user/test-{accessKeyId}", "AIDA" + accessKeyId[4..]);
        return Add(new ResolvedCredential(accessKeyId, secret, caller) { SessionToken = sessionToken });
    }

    public ValueTask<ResolvedCredential?> ResolveAsync(string accessKeyId, string? sessionToken, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_byKey.GetValueOrDefault(accessKeyId));
}
