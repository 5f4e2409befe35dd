using Crossgate.Directory;
using Crossgate.Directory.Model;
using Crossgate.Directory.Sessions;
using Crossgate.Server.Protocols.Query;

namespace Crossgate.Server.Services.Sts;

/// <summary>Fresh <c>ASIA…</c> credentials and their <c>Credentials</c> element.</summary>
public static class TemporaryCredentials
{
    /// <summary>A session with new key id (carrying the account) and secret, issued now and valid for
    /// <paramref name="seconds"/>; the caller fills in what the session is, then seals it into its token with
    /// <see cref="Sealed"/>.</summary>
    public static StsSession Issue(string accountId, DateTimeOffset now, int seconds, StsSessionKind kind)
    {
        // STS reports whole seconds; keep the sealed expiry equal to what the client is told.
        var issued = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds());
        return new StsSession
        {
            AccountId = accountId,
            AccessKeyId = UniqueIds.NewTemporaryAccessKeyId(accountId),
            SecretAccessKey = UniqueIds.NewSecretAccessKey(),
            SessionToken = string.Empty,
            Kind = kind,
            IssuedAt = issued,
            Expiration = issued.AddSeconds(seconds),
        };
    }

    /// <summary>The session with its token: the session itself, sealed with the server's key. Nothing is stored:
    /// the token is all a later request needs.</summary>
    public static StsSession Sealed(StsSession session, SessionTokenSealer sealer) => session with { SessionToken = sealer.Seal(session) };

    public static void Write(XmlResultWriter result, StsSession session) =>
        result.Struct("Credentials", c => c
            .Element("AccessKeyId", session.AccessKeyId)
            .Element("SecretAccessKey", session.SecretAccessKey)
            .Element("SessionToken", session.SessionToken)
            .Element("Expiration", session.Expiration));
}
