namespace Crossgate.Platform.Aws;

/// <summary>Credentials for signing: an access key, its secret, and the session token of temporary credentials.</summary>
public sealed record AwsCredentialSet(string AccessKeyId, string SecretAccessKey, string? SessionToken)
{
    /// <summary>The standard AWS credential chain (environment, <c>AWS_PROFILE</c>, the shared credentials file, …),
    /// as the AWS SDK resolves it.</summary>
    public static AwsCredentialSet FromDefaultChain()
    {
        var credentials = Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentials().GetCredentials();
        return new AwsCredentialSet(credentials.AccessKey, credentials.SecretKey, string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token);
    }

    /// <summary>A named profile of the shared credentials and config files (<c>AWS_SHARED_CREDENTIALS_FILE</c>,
    /// <c>~/.aws/credentials</c>), as the AWS CLI's <c>--profile</c> reads it; null when there is no such profile.</summary>
    public static AwsCredentialSet? FromProfile(string name)
    {
        if (!new Amazon.Runtime.CredentialManagement.CredentialProfileStoreChain().TryGetAWSCredentials(name, out var found))
        {
            return null;
        }

        var credentials = found.GetCredentials();
        return new AwsCredentialSet(credentials.AccessKey, credentials.SecretKey, string.IsNullOrEmpty(credentials.Token) ? null : credentials.Token);
    }

    public Amazon.Runtime.AWSCredentials ToSdkCredentials() => SessionToken is null
        ? new Amazon.Runtime.BasicAWSCredentials(AccessKeyId, SecretAccessKey)
        : new Amazon.Runtime.SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);

    public override string ToString() => $"AwsCredentialSet({AccessKeyId}, secret hidden)";
}
