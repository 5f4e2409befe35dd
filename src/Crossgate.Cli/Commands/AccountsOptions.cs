using System.CommandLine;
using Crossgate.Platform.Aws;
using Crossgate.Platform.Registry;

namespace Crossgate.Cli.Commands;

/// <summary>The options every <c>crossgate accounts</c> verb takes: where the registry lives and which AWS endpoint
/// (absent: real AWS) and region the platform talks to. Credentials come from the standard AWS chain.</summary>
internal sealed class AccountsOptions
{
    public Option<string> Data { get; } = new("--data")
    {
        HelpName = "DIR",
        Description = "The directory holding the registry (platform.db) and the directory store.",
        DefaultValueFactory = _ => AccountRegistry.DefaultDataDirectory,
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        HelpName = "URL",
        Description = "The AWS endpoint for STS, IAM and Organizations (a Crossgate server); left out, real AWS.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "The AWS region for STS (default: AWS_REGION, then AWS_DEFAULT_REGION, then us-east-1).",
    };

    /// <summary>One HTTP client for the process: IAM and Organizations calls share its connections.</summary>
    public static HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(EndpointUrl);
        command.Options.Add(Region);
    }

    public Task<AccountRegistry> OpenRegistryAsync(ParseResult parse, CancellationToken cancellation) =>
        AccountRegistry.OpenAsync(parse.GetValue(Data), cancellation);

    /// <summary>The endpoint named by the options, or the reason it cannot be used.</summary>
    public (AwsTarget? Target, string? Error) Target(ParseResult parse)
    {
        var url = parse.GetValue(EndpointUrl);
        var region = parse.GetValue(Region) is { Length: > 0 } given
            ? given
            : Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1";
        if (string.IsNullOrEmpty(url))
        {
            return (new AwsTarget(null, region), null);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? (new AwsTarget(uri, region), null)
            : (null, $"--endpoint-url '{url}' is not an http(s) URL.");
    }

    /// <summary>The platform's own credentials from the standard chain, or a message saying none were found.</summary>
    public static (AwsCredentialSet? Credentials, string? Error) Credentials()
    {
        try
        {
            return (AwsCredentialSet.FromDefaultChain(), null);
        }
        catch (Exception ex) when (ex is Amazon.Runtime.AmazonClientException or Amazon.Runtime.AmazonServiceException or InvalidOperationException)
        {
            return (null, "No AWS credentials for the platform: set AWS_PROFILE (with AWS_SHARED_CREDENTIALS_FILE) or " +
                          $"AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. ({ex.Message})");
        }
    }

    /// <summary>Endpoint and credentials together, writing the problem to standard error when either is missing.</summary>
    public (AwsTarget? Target, AwsCredentialSet? Credentials) Connect(ParseResult parse)
    {
        var (target, targetError) = Target(parse);
        if (target is null)
        {
            parse.InvocationConfiguration.Error.WriteLine(targetError);
            return (null, null);
        }

        var (credentials, credentialError) = Credentials();
        if (credentials is null)
        {
            parse.InvocationConfiguration.Error.WriteLine(credentialError);
            return (null, null);
        }

        return (target, credentials);
    }
}
