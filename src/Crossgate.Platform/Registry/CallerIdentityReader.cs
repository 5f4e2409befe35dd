using Crossgate.Platform.Aws;

namespace Crossgate.Platform.Registry;

/// <summary>STS <c>GetCallerIdentity</c> for the platform's own credentials, so that refusals can name who asked.</summary>
public static class CallerIdentityReader
{
    /// <summary>The caller's ARN, or null when STS cannot tell (the explanation then speaks of "the platform").</summary>
    public static async Task<string?> TryReadArnAsync(AwsTarget target, AwsCredentialSet credentials, CancellationToken cancellation, HttpClient? http = null)
    {
        try
        {
            var result = await new QueryClient(http ?? RoleAssumer.SharedHttp, target, credentials, "sts", "2011-06-15")
                .CallAsync("GetCallerIdentity", [], cancellation).ConfigureAwait(false);
            return QueryClient.Child(result, "Arn");
        }
        catch (Exception ex) when (ex is AwsCallException or HttpRequestException or TaskCanceledException && !cancellation.IsCancellationRequested)
        {
            return null;
        }
    }
}
