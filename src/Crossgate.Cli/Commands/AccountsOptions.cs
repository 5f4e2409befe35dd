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
        Description = "The directory holding the registry (platform.db) and the directory store (default ./.crossgate/).",
        DefaultValueFactory = _ => AccountRegistry.DefaultDataDirectory,
    };

    public Option<string?> Postgres { get; } = new("--postgres")
    {
        Description = "A PostgreSQL connection string: the registry (and, with --offline, the directory) live there, shared by several operators, instead of in --data.",
    };

    public Option<string?> EndpointUrl { get; } = new("--endpoint-url")
    {
        Description = "The AWS endpoint for STS, IAM and Organizations (a Crossgate server); left out, real AWS.",
    };

    public Option<string> Region { get; } = new("--region")
    {
        Description = "The AWS region for STS (default: AWS_REGION, or us-east-1).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("AWS_REGION") ?? Environment.GetEnvironmentVariable("AWS_DEFAULT_REGION") ?? "us-east-1",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "The AWS credentials profile to sign with (from AWS_SHARED_CREDENTIALS_FILE or ~/.aws/credentials), as the AWS CLI's --profile; left out, the standard credential chain.",
    };

    /// <summary>One HTTP client for the process: IAM and Organizations calls share its connections.</summary>
    public static HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(Postgres);
        command.Options.Add(EndpointUrl);
        command.Options.Add(Region);
        command.Options.Add(Profile);
    }

    public Task<IAccountRegistry> OpenRegistryAsync(ParseResult parse, CancellationToken cancellation) =>
        AccountRegistries.OpenAsync(parse.GetValue(Data), parse.GetValue(Postgres), cancellation);

    /// <summary>The endpoint named by the options, or the reason it cannot be used.</summary>
    public (AwsTarget? Target, string? Error) Target(ParseResult parse)
    {
        var url = parse.GetValue(EndpointUrl);
        var region = parse.GetValue(Region)!;
        if (string.IsNullOrEmpty(url))
        {
            return (new AwsTarget(null, region), null);
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? (new AwsTarget(uri, region), null)
            : (null, $"--endpoint-url '{url}' is not an http(s) URL.");
    }

    /// <summary>The platform's own credentials from the standard chain, or a message saying none were found.</summary>
    public static (AwsCredentialSet? Credentials, string? Error) Credentials(string? profile = null)
    {
        try
        {
            if (profile is not null)
            {
                return AwsCredentialSet.FromProfile(profile) is { } named
                    ? (named, null)
                    : (null, $"The AWS credentials profile '{profile}' was not found in the shared credentials or config file " +
                             $"({Environment.GetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE") ?? "~/.aws/credentials"}).");
            }

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

        var (credentials, credentialError) = Credentials(parse.GetValue(Profile));
        if (credentials is null)
        {
            parse.InvocationConfiguration.Error.WriteLine(credentialError);
            return (null, null);
        }

        return (target, credentials);
    }
}
