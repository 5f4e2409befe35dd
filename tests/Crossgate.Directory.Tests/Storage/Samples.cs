using Crossgate.Directory.Model;

namespace Crossgate.Directory.Tests.Storage;

internal static class Samples
{
    public static readonly DateTimeOffset Created = new(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

    public static IamUser User(string account, string name, string path = "/") => new()
    {
        AccountId = account,
        UserName = name,
        Path = path,
        UserId = UniqueIds.NewUserId(),
        CreateDate = Created,
        Tags = [new Tag("team", "blue")],
        InlinePolicies = [new InlinePolicy("inline", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}""")],
    };

    public static AccessKey Key(string account, string user) => new()
    {
        AccountId = account,
        UserName = user,
        AccessKeyId = UniqueIds.NewAccessKeyId(),
        SecretAccessKey = UniqueIds.NewSecretAccessKey(),
        CreateDate = Created,
    };

    public static StsSession Session(string account, DateTimeOffset expiration) => new()
    {
        AccountId = account,
        AccessKeyId = UniqueIds.NewTemporaryAccessKeyId(),
        SecretAccessKey = UniqueIds.NewSecretAccessKey(),
        SessionToken = UniqueIds.NewSessionToken(),
        IssuedAt = expiration.AddHours(-1),
        Expiration = expiration,
        RoleArn = $"arn:aws:iam::{account}:role/R",
        RoleId = UniqueIds.NewRoleId(),
        SessionName = "s",
        SessionTags = [new Tag("project", "x")],
        SessionPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
        MfaAuthenticated = true,
    };

    public static Account Account(string id, string name = "acct") => new() { Id = id, Name = name, Email = $"{name}@example.com" };

    public static AuditEvent Event(string account, string name, DateTimeOffset time) => new()
    {
        EventId = UniqueIds.NewEventId(),
        EventTime = time,
        EventSource = "iam.amazonaws.com",
        EventName = name,
        RecipientAccountId = account,
        UserIdentity = """{"type":"IAMUser","accountId":"111111111111"}""",
        RequestParameters = """{"userName":"alex"}""",
    };
}
