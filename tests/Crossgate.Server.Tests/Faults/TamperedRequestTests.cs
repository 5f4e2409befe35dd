using System.Net.Http.Headers;
using System.Text;
using Amazon.SecurityToken.Model;
using Crossgate.Directory.Model;
using Crossgate.Server.Tests.EndToEnd;
using Crossgate.Server.Tests.Support;

namespace Crossgate.Server.Tests.Faults;

/// <summary>Every single-byte change to a signed request's signature, signed headers and body; dates outside the
/// 15-minute window; keys deactivated or deleted; forged session tokens: none is accepted, each is refused with
/// AWS's code.</summary>
public sealed class TamperedRequestTests : IAsyncLifetime
{
    private const string Form = "Action=GetCallerIdentity&Version=2011-06-15";
    private DirectoryServerFixture _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await DirectoryServerFixture.StartAsync();
        _client = new HttpClient { BaseAddress = _server.Server.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task No_single_byte_change_of_a_signed_request_is_accepted()
    {
        var key = _server.ManagementRoot.GetCredentials();
        var now = DateTimeOffset.UtcNow;
        var original = Signed(key.AccessKey, key.SecretKey, null, Encoding.UTF8.GetBytes(Form), now);
        Assert.Equal(200, (await SendAsync(original)).Status);

        var tried = 0;
        var failures = new List<string>();
        async Task Expect(RawRequest tampered, string what, params string[] codes)
        {
            tried++;
            var (status, body) = await SendAsync(tampered);
            if (status < 400 || status >= 500 || !codes.Any(c => body.Contains($"<Code>{c}</Code>", StringComparison.Ordinal)))
            {
                failures.Add($"{what}: {status} {body[..Math.Min(200, body.Length)]}");
            }
        }

        var signature = original.Authorization[(original.Authorization.LastIndexOf('=') + 1)..];
        for (var i = 0; i < signature.Length; i++)
        {
            var changed = signature.ToCharArray();
            changed[i] = changed[i] == '0' ? '1' : '0';
            await Expect(original with { Authorization = original.Authorization[..^signature.Length] + new string(changed) }, $"signature[{i}]", "SignatureDoesNotMatch");
        }

        for (var i = 0; i < original.Body.Length; i++)
        {
            var body = (byte[])original.Body.Clone();
            body[i] = body[i] == (byte)'a' ? (byte)'b' : (byte)'a';
            await Expect(original with { Body = body }, $"body[{i}]", "SignatureDoesNotMatch");
        }

        for (var i = 0; i < original.AmzDate.Length; i++)
        {
            var date = original.AmzDate.ToCharArray();
            date[i] = char.IsDigit(date[i]) ? (char)('0' + (date[i] - '0' + 1) % 10) : 'X';
            await Expect(original with { AmzDate = new string(date) }, $"x-amz-date[{i}]", "SignatureDoesNotMatch", "IncompleteSignature");
        }

        for (var i = 0; i < original.ContentType.Length; i++)
        {
            var type = original.ContentType.ToCharArray();
            type[i] = type[i] == 'a' ? 'b' : 'a';
            await Expect(original with { ContentType = new string(type) }, $"content-type[{i}]", "SignatureDoesNotMatch");
        }

        var credentialStart = original.Authorization.IndexOf("Credential=", StringComparison.Ordinal) + "Credential=".Length;
        for (var i = 0; i < key.AccessKey.Length; i++)
        {
            var authorization = original.Authorization.ToCharArray();
            authorization[credentialStart + i] = authorization[credentialStart + i] == 'A' ? 'B' : 'A';
            await Expect(original with { Authorization = new string(authorization) }, $"access-key-id[{i}]", "InvalidClientTokenId", "SignatureDoesNotMatch");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {tried} tampered requests were not refused as AWS refuses them:\n{string.Join("\n", failures.Take(20))}");
        Assert.True(tried > 150, $"only {tried} tampered requests");
    }

    [Fact]
    public async Task Dates_outside_the_15_minute_window_are_SignatureDoesNotMatch()
    {
        var key = _server.ManagementRoot.GetCredentials();
        var body = Encoding.UTF8.GetBytes(Form);

        var (pastStatus, past) = await SendAsync(Signed(key.AccessKey, key.SecretKey, null, body, DateTimeOffset.UtcNow.AddMinutes(-16)));
        var (futureStatus, future) = await SendAsync(Signed(key.AccessKey, key.SecretKey, null, body, DateTimeOffset.UtcNow.AddMinutes(16)));

        Assert.Equal((403, 403), (pastStatus, futureStatus));
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", past);
        Assert.Contains("Signature expired", past);
        Assert.Contains("Signature not yet current", future);
    }

    [Fact]
    public async Task A_request_replayed_after_its_key_was_deactivated_or_deleted_is_InvalidClientTokenId()
    {
        var alex = (await _server.UserKeyAsync(Directory.Examples.ExampleOrganization.Management, "alex")).GetCredentials();
        var signed = Signed(alex.AccessKey, alex.SecretKey, null, Encoding.UTF8.GetBytes(Form), DateTimeOffset.UtcNow);
        Assert.Equal(200, (await SendAsync(signed)).Status);

        (await _server.Services.Iam.UpdateAccessKeyAsync(Directory.Examples.ExampleOrganization.Management, "alex", alex.AccessKey, AccessKeyStatus.Inactive)).GetValueOrThrow();
        var inactive = await SendAsync(signed);
        (await _server.Services.Iam.DeleteAccessKeyAsync(Directory.Examples.ExampleOrganization.Management, "alex", alex.AccessKey)).GetValueOrThrow();
        var deleted = await SendAsync(signed);

        Assert.Equal(403, inactive.Status);
        Assert.Contains("<Code>InvalidClientTokenId</Code>", inactive.Body);
        Assert.Equal(403, deleted.Status);
        Assert.Contains("<Code>InvalidClientTokenId</Code>", deleted.Body);
    }

    [Fact]
    public async Task Every_single_byte_change_of_a_session_token_is_refused_even_when_re_signed()
    {
        using var sts = _server.Sts(_server.ManagementRoot);
        var session = (await sts.GetSessionTokenAsync(new GetSessionTokenRequest { DurationSeconds = 900 })).Credentials;
        var body = Encoding.UTF8.GetBytes(Form);
        Assert.Equal(200, (await SendAsync(Signed(session.AccessKeyId, session.SecretAccessKey, session.SessionToken, body, DateTimeOffset.UtcNow))).Status);

        var accepted = new List<int>();
        var wrongCode = new List<string>();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = 0; i < session.SessionToken.Length; i++)
        {
            var token = session.SessionToken.ToCharArray();
            token[i] = alphabet[(alphabet.IndexOf(token[i]) + 1 + alphabet.Length) % alphabet.Length];
            var (status, answer) = await SendAsync(Signed(session.AccessKeyId, session.SecretAccessKey, new string(token), body, DateTimeOffset.UtcNow));
            if (status == 200) accepted.Add(i);
            else if (!answer.Contains("<Code>InvalidClientTokenId</Code>", StringComparison.Ordinal)) wrongCode.Add($"[{i}] {status} {answer[..Math.Min(160, answer.Length)]}");
        }

        Assert.True(accepted.Count == 0, $"forged tokens accepted at positions {string.Join(",", accepted.Take(20))}");
        Assert.True(wrongCode.Count == 0, string.Join("\n", wrongCode.Take(10)));
    }

    private sealed record RawRequest(string Authorization, string AmzDate, string ContentType, string? Token, byte[] Body);

    private RawRequest Signed(string accessKeyId, string secret, string? token, byte[] body, DateTimeOffset at)
    {
        using var message = TestSigner.FormPost(_server.Server.BaseAddress, Encoding.UTF8.GetString(body));
        new TestSigner(accessKeyId, secret, "us-east-1", "sts", token).Sign(message, body, at);
        return new RawRequest(
            message.Headers.GetValues("Authorization").Single(), message.Headers.GetValues("X-Amz-Date").Single(),
            message.Content!.Headers.ContentType!.ToString(), token, body);
    }

    private async Task<(int Status, string Body)> SendAsync(RawRequest request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _server.Server.BaseAddress) { Content = new ByteArrayContent(request.Body) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        message.Headers.TryAddWithoutValidation("Authorization", request.Authorization);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", request.AmzDate);
        if (request.Token is not null) message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", request.Token);
        using var response = await _client.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
