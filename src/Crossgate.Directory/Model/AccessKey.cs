namespace Crossgate.Directory.Model;

/// <summary>A long-term access key of an IAM user (<c>AKIA…</c>); a user holds at most two.</summary>
public sealed record AccessKey
{
    public required string AccountId { get; init; }

    public required string UserName { get; init; }

    public required string AccessKeyId { get; init; }

    public required string SecretAccessKey { get; init; }

    public AccessKeyStatus Status { get; init; } = AccessKeyStatus.Active;

    public DateTimeOffset CreateDate { get; init; }

    public DateTimeOffset? LastUsedDate { get; init; }

    /// <summary>The signing name of the service the key was last used with (<c>sts</c>, <c>iam</c>, …).</summary>
    public string? LastUsedServiceName { get; init; }

    public string? LastUsedRegion { get; init; }
}
