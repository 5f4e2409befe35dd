using Crossgate.Directory.Model;
using Crossgate.Directory.Sessions;

namespace Crossgate.Directory.Tests.Sessions;

/// <summary>A sealed token carries its whole session, opens only with its key and its own key id, and refuses
/// every single-byte change.</summary>
public sealed class SessionTokenSealerTests
{
    private static readonly DateTimeOffset Issued = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static StsSession Session() => new()
    {
        AccountId = "222222222222",
        AccessKeyId = UniqueIds.NewTemporaryAccessKeyId("222222222222"),
        SecretAccessKey = UniqueIds.NewSecretAccessKey(),
        SessionToken = string.Empty,
        IssuedAt = Issued,
        Expiration = Issued.AddHours(1),
        RoleArn = "arn:aws:iam::222222222222:role/CrossAccount-B",
        RoleId = UniqueIds.NewRoleId(),
        SessionName = "alex",
        SessionPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
        SessionTags = [new Tag("Team", "blue")],
        TransitiveTagKeys = ["Team"],
        SourceIdentity = "alex",
        MfaAuthenticated = true,
        MfaAuthTime = Issued,
        Chained = true,
    };

    [Fact]
    public void A_token_opens_to_the_session_it_was_sealed_from()
    {
        var sealer = SessionTokenSealer.WithRandomKey();
        var session = Session();

        var token = sealer.Seal(session);
        var opened = sealer.Open(session.AccessKeyId, token);

        Assert.Equal(session with { SessionToken = token, SessionTags = opened!.SessionTags, TransitiveTagKeys = opened.TransitiveTagKeys, SessionPolicyArns = opened.SessionPolicyArns }, opened);
        Assert.Equal(session.SessionTags, opened.SessionTags);
        Assert.Equal(session.TransitiveTagKeys, opened.TransitiveTagKeys);
        Assert.DoesNotContain(session.SecretAccessKey, token, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_key_another_key_id_or_garbage_does_not_open()
    {
        var sealer = SessionTokenSealer.WithRandomKey();
        var session = Session();
        var token = sealer.Seal(session);

        Assert.Null(SessionTokenSealer.WithRandomKey().Open(session.AccessKeyId, token));
        Assert.Null(sealer.Open(UniqueIds.NewTemporaryAccessKeyId("222222222222"), token));
        Assert.Null(sealer.Open(session.AccessKeyId, "not a token"));
        Assert.Null(sealer.Open(session.AccessKeyId, Convert.ToBase64String(new byte[200])));
        Assert.Null(sealer.Open(session.AccessKeyId, string.Empty));
    }

    [Fact]
    public void Every_single_byte_change_is_refused()
    {
        var sealer = SessionTokenSealer.WithRandomKey();
        var session = Session();
        var bytes = Convert.FromBase64String(sealer.Seal(session));

        for (var i = 0; i < bytes.Length; i++)
        {
            var altered = (byte[])bytes.Clone();
            altered[i] ^= 0x01;
            Assert.Null(sealer.Open(session.AccessKeyId, Convert.ToBase64String(altered)));
        }
    }

    [Fact]
    public void The_key_file_is_created_once_readable_by_its_owner_only_and_reused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "crossgate-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var session = Session();
            var token = SessionTokenKeyFile.Load(folder).Seal(session);
            var reloaded = SessionTokenKeyFile.Load(folder);
            var mode = File.GetUnixFileMode(Path.Combine(folder, SessionTokenKeyFile.FileName));

            Assert.NotNull(reloaded.Open(session.AccessKeyId, token));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("123456789012")]
    [InlineData("000000000001")]
    [InlineData("999999999999")]
    public void Temporary_key_ids_carry_their_account(string account)
    {
        var keyId = UniqueIds.NewTemporaryAccessKeyId(account);

        Assert.Matches("^ASIA[A-Z2-7]{16}$", keyId);
        Assert.True(UniqueIds.TryAccountOfAccessKeyId(keyId, out var decoded));
        Assert.Equal(account, decoded);
    }

    [Fact]
    public void Account_decoding_agrees_with_AWSs_documented_example()
    {
        // The example key id of Tal Be'ery's published analysis of AWS key ids, and the account it decodes to there.
        Assert.True(UniqueIds.TryAccountOfAccessKeyId("ASIAY34FZKBOKMUTVV7A", out var account));
        Assert.Equal("609629065308", account);
    }
}
