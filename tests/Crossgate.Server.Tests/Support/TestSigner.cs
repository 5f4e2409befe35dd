using System.Net.Http.Headers;
using System.Text;
using Crossgate.Server.Signing;

namespace Crossgate.Server.Tests.Support;

/// <summary>
/// Signs HttpRequestMessages for wire tests. Built on the server's own canonicalization, which the botocore
/// vectors pin independently; the SDK end-to-end tests cover an independent client signer.
/// </summary>
public sealed class TestSigner(string accessKeyId, string secret, string region, string service, string? sessionToken = null)
{
    public void Sign(HttpRequestMessage message, byte[] body, DateTimeOffset now)
    {
        var amzDate = AmzDate.Of(now);
        message.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (sessionToken is not null) message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", sessionToken);

        var host = message.RequestUri!.Authority;
        var headers = new RequestHeaders().Add("host", host).Add("x-amz-date", amzDate);
        var signed = new List<string> { "host", "x-amz-date" };
        if (message.Content?.Headers.ContentType is { } contentType)
        {
            headers.Add("content-type", contentType.ToString());
            signed.Add("content-type");
        }
        foreach (var (name, values) in message.Headers)
        {
            var lower = name.ToLowerInvariant();
            if (lower.StartsWith("x-amz-") && lower != "x-amz-date")
            {
                foreach (var v in values) headers.Add(lower, v);
                signed.Add(lower);
            }
        }
        signed.Sort(StringComparer.Ordinal);

        var (path, query) = SigV4Request.SplitTarget(message.RequestUri.PathAndQuery);
        var claim = new SignatureClaim
        {
            AccessKeyId = accessKeyId,
            ScopeDate = amzDate[..8],
            Region = region,
            Service = service,
            Terminator = "aws4_request",
            SignedHeaders = signed,
            Signature = "",
            AmzDate = amzDate,
            RequestTime = now,
        };
        var request = new SigV4Request { Method = message.Method.Method, RawPath = path, RawQuery = query, Headers = headers, Body = body };
        var canonical = CanonicalRequest.Build(request, claim, CanonicalRequest.HexSha256(body));
        var key = SigningKeyCache.Derive(secret, claim.ScopeDate, region, service);
        var signature = SigningKeyCache.Sign(key, StringToSign.Build(claim, canonical));
        message.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={accessKeyId}/{claim.CredentialScope}, SignedHeaders={string.Join(';', signed)}, Signature={signature}");
    }

    public static HttpRequestMessage FormPost(Uri baseAddress, string form)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, baseAddress)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(form)),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");
        return message;
    }

    public static HttpRequestMessage JsonPost(Uri baseAddress, string target, string json)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, baseAddress)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
        };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-amz-json-1.1");
        message.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        return message;
    }
}
