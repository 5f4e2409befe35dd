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

    public Amazon.Runtime.AWSCredentials ToSdkCredentials() => SessionToken is null
        ? new Amazon.Runtime.BasicAWSCredentials(AccessKeyId, SecretAccessKey)
        : new Amazon.Runtime.SessionAWSCredentials(AccessKeyId, SecretAccessKey, SessionToken);

    public override string ToString() => $"AwsCredentialSet({AccessKeyId}, secret hidden)";
}
