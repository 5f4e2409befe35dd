using System.Globalization;

namespace Crossgate.Platform.Aws;

/// <summary>Calls STS <c>AssumeRole</c> (Query protocol) at the configured endpoint through one shared HTTP client:
/// a check of many accounts opens no connection, and builds no SDK client, per account.</summary>
public sealed class RoleAssumer(AwsTarget target, AwsCredentialSet credentials, HttpClient? http = null)
{
    /// <summary>For callers that bring no client of their own.</summary>
    internal static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly QueryClient _sts = new(http ?? SharedHttp, target, credentials, "sts", "2011-06-15");

    public async Task<AwsCredentialSet> AssumeAsync(string roleArn, string sessionName, string? externalId, int durationSeconds, CancellationToken cancellation)
    {
        var parameters = new List<KeyValuePair<string, string>>
        {
            new("RoleArn", roleArn),
            new("RoleSessionName", sessionName),
            new("DurationSeconds", durationSeconds.ToString(CultureInfo.InvariantCulture)),
        };
        if (externalId is not null)
        {
            parameters.Add(new("ExternalId", externalId));
        }

        var result = await _sts.CallAsync("AssumeRole", parameters, cancellation).ConfigureAwait(false);
        var issued = result.Elements().FirstOrDefault(e => e.Name.LocalName == "Credentials");
        return new AwsCredentialSet(
            QueryClient.Child(issued, "AccessKeyId") ?? throw new AwsCallException("InvalidResponse", "STS answered AssumeRole without credentials.", 200),
            QueryClient.Child(issued, "SecretAccessKey") ?? string.Empty,
            QueryClient.Child(issued, "SessionToken"));
    }
}
