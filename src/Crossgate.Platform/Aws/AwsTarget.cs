namespace Crossgate.Platform.Aws;

/// <summary>Where the platform's AWS calls go: a Crossgate endpoint (one URL for every service) or, when no URL is
/// set, real AWS's public endpoints.</summary>
public sealed record AwsTarget(Uri? EndpointUrl, string Region = "us-east-1")
{
    public static readonly AwsTarget RealAws = new((Uri?)null);

    public Uri UrlFor(string service)
    {
        if (EndpointUrl is not null)
        {
            return EndpointUrl;
        }

        return service switch
        {
            "iam" => new Uri("https://iam.amazonaws.com/"),
            "organizations" => new Uri("https://organizations.us-east-1.amazonaws.com/"),
            _ => new Uri($"https://{service}.{Region}.amazonaws.com/"),
        };
    }

    /// <summary>IAM and Organizations sign in us-east-1 whatever the caller's region.</summary>
    public string SigningRegionFor(string service) => service is "iam" or "organizations" ? "us-east-1" : Region;
}
