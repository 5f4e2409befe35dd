using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Crossgate.Platform.Aws;

/// <summary>Assumes target roles through the AWS SDK for .NET's STS client, pointed at the configured endpoint.</summary>
public sealed class RoleAssumer(AwsTarget target, AwsCredentialSet credentials)
{
    public async Task<AwsCredentialSet> AssumeAsync(string roleArn, string sessionName, string? externalId, int durationSeconds, CancellationToken cancellation)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            AuthenticationRegion = target.Region,
            MaxErrorRetry = 0,
        };
        if (target.EndpointUrl is not null)
        {
            config.ServiceURL = target.EndpointUrl.ToString();
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(target.Region);
        }

        using var sts = new AmazonSecurityTokenServiceClient(credentials.ToSdkCredentials(), config);
        try
        {
            var response = await sts.AssumeRoleAsync(new AssumeRoleRequest
            {
                RoleArn = roleArn,
                RoleSessionName = sessionName,
                ExternalId = externalId,
                DurationSeconds = durationSeconds,
            }, cancellation).ConfigureAwait(false);
            var issued = response.Credentials;
            return new AwsCredentialSet(issued.AccessKeyId, issued.SecretAccessKey, issued.SessionToken);
        }
        catch (AmazonSecurityTokenServiceException ex)
        {
            throw new AwsCallException(ex.ErrorCode ?? "UnknownError", ex.Message, (int)ex.StatusCode);
        }
    }
}
