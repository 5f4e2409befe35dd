using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;

namespace Crossgate.Web.Service;

/// <summary>How the service reaches AWS (or a Crossgate endpoint): where, and with which credentials. Credentials
/// come from a function so that short-lived ones (a role session) can be renewed between calls.</summary>
public sealed class PlatformConnection(AwsTarget target, Func<CancellationToken, ValueTask<AwsCredentialSet>> credentials, HttpClient http)
{
    private string? _identity;

    public AwsTarget Target { get; private set; } = target;

    /// <summary>Points the platform at the endpoint it is served beside, once that endpoint's port is known.</summary>
    public void RetargetTo(AwsTarget target) => Target = target;

    public HttpClient Http { get; } = http;

    public ValueTask<AwsCredentialSet> CredentialsAsync(CancellationToken cancellation) => credentials(cancellation);

    /// <summary>The platform's identity as STS names it (kept once known), or null when STS cannot be asked now.</summary>
    public async Task<string?> IdentityArnAsync(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _identity) is { } known)
        {
            return known;
        }

        try
        {
            var arn = await CallerIdentityReader.TryReadArnAsync(Target, await CredentialsAsync(cancellation).ConfigureAwait(false), cancellation).ConfigureAwait(false);
            Volatile.Write(ref _identity, arn);
            return arn;
        }
        catch (PlatformUnavailableException)
        {
            return null;
        }
    }

    /// <summary>Where the calls go, for people: the endpoint URL, or "AWS".</summary>
    public string EndpointDescription => Target.EndpointUrl?.ToString() ?? $"AWS ({Target.Region})";
}
