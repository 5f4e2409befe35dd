using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Sts;

/// <summary>Fresh <c>ASIA…</c> credentials and their <c>Credentials</c> element.</summary>
public static class TemporaryCredentials
{
    /// <summary>A session with new key id, secret and token, issued now and valid for <paramref name="seconds"/>;
    /// the caller fills in what the session is.</summary>
    public static StsSession Issue(string accountId, DateTimeOffset now, int seconds, StsSessionKind kind)
    {
        // STS reports whole seconds; keep the stored expiry equal to what the client is told.
        var issued = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        return new StsSession
        {
            AccountId = accountId,
            AccessKeyId = UniqueIds.NewTemporaryAccessKeyId(),
            SecretAccessKey = UniqueIds.NewSecretAccessKey(),
            SessionToken = UniqueIds.NewSessionToken(),
            Kind = kind,
            IssuedAt = issued,
            Expiration = issued.AddSeconds(seconds),
        };
    }

    public static void Write(XmlResultWriter result, StsSession session) =>
        result.Struct("Credentials", c => c
            .Element("AccessKeyId", session.AccessKeyId)
            .Element("SecretAccessKey", session.SecretAccessKey)
            .Element("SessionToken", session.SessionToken)
            .Element("Expiration", session.Expiration));
}
