using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Crossgate.Platform.Aws;

namespace Crossgate.Platform.Registry;

/// <summary>STS <c>GetCallerIdentity</c> for the platform's own credentials, so that refusals can name who asked.</summary>
public static class CallerIdentityReader
{
    /// <summary>The caller's ARN, or null when STS cannot tell (the explanation then speaks of "the platform").</summary>
    public static async Task<string?> TryReadArnAsync(AwsTarget target, AwsCredentialSet credentials, CancellationToken cancellation)
    {
        var config = new AmazonSecurityTokenServiceConfig { AuthenticationRegion = target.Region, MaxErrorRetry = 0 };
        if (target.EndpointUrl is not null)
        {
            config.ServiceURL = target.EndpointUrl.ToString();
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(target.Region);
        }

        try
        {
            using var sts = new AmazonSecurityTokenServiceClient(credentials.ToSdkCredentials(), config);
            var response = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellation).ConfigureAwait(false);
            return response.Arn;
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonServiceException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            return null;
        }
    }
}
