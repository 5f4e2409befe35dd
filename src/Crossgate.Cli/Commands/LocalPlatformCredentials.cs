using Crossgate.Platform.Aws;
using Crossgate.Server.Application;

namespace Crossgate.Cli.Commands;

/// <summary>The platform's credentials inside <c>crossgate serve</c>: a session of its role issued by the local STS,
/// renewed when less than five minutes of it are left, as the SDKs renew instance-profile credentials.</summary>
internal sealed class LocalPlatformCredentials(CrossgateServices services, string? roleArn, string rootAccountId) : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _lock = new(1);
    private (AwsCredentialSet Credentials, DateTimeOffset Expiration)? _current;

    /// <summary>Who the platform acts as, for people.</summary>
    public string Identity => roleArn ?? $"the root user of {rootAccountId} (no PlatformRole; pass --platform-role to use a role)";

    public async ValueTask<AwsCredentialSet> GetAsync(CancellationToken cancellation)
    {
        if (_current is { } current && current.Expiration - services.Time.GetUtcNow() > RenewBefore)
        {
            return current.Credentials;
        }

        await _lock.WaitAsync(cancellation);
        try
        {
            if (_current is { } renewed && renewed.Expiration - services.Time.GetUtcNow() > RenewBefore)
            {
                return renewed.Credentials;
            }

            var session = await PlatformSessions.IssueAsync(services, roleArn, rootAccountId, Lifetime, cancellation);
            var credentials = new AwsCredentialSet(session.AccessKeyId, session.SecretAccessKey, session.SessionToken);
            _current = (credentials, session.Expiration);
            return credentials;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
