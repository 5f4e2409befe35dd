using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Benchmarks;

/// <summary>The endpoint benchmark's client for one fixed Query-protocol call: every request is signed afresh with
/// Signature Version 4 (its own <c>X-Amz-Date</c>, canonical request, string to sign and signature) and the server
/// verifies it in full, but the client does only what a careful SDK does and no more: the signing key is derived
/// once per day (as the SDKs cache it), the constant body and its SHA-256 are built once, and the answer is checked
/// as bytes (status 200 and the result element present) instead of parsed into an XML tree. So the benchmark's
/// figure is mostly the server's own work, not the client's.</summary>
internal sealed class SignedQueryCaller
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";
    private const string SignedHeaders = "content-type;host;x-amz-date";

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _host;
    private readonly string _accessKeyId;
    private readonly string _secretAccessKey;
    private readonly string _region;
    private readonly string _service;
    private readonly byte[] _body;
    private readonly string _payloadHash;
    private readonly byte[] _expected;
    private (string Date, byte[] Key) _signingKey = ("", []);

    public SignedQueryCaller(HttpClient http, Uri endpoint, string accessKeyId, string secretAccessKey, string service, string version,
        string action, IEnumerable<KeyValuePair<string, string>> parameters, string region = "us-east-1")
    {
        _http = http;
        _endpoint = endpoint;
        _host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        _accessKeyId = accessKeyId;
        _secretAccessKey = secretAccessKey;
        _region = region;
        _service = service;
        var form = new[] { new KeyValuePair<string, string>("Action", action), new("Version", version) }.Concat(parameters);
        _body = Encoding.UTF8.GetBytes(string.Join('&', form.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value))));
        _payloadHash = Convert.ToHexStringLower(SHA256.HashData(_body));
        _expected = Encoding.UTF8.GetBytes($"<{action}Result>");
    }

    public async Task CallAsync()
    {
        var amzDate = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var scope = $"{date}/{_region}/{_service}/aws4_request";
        var canonicalRequest = $"POST\n/\n\ncontent-type:{ContentType}\nhost:{_host}\nx-amz-date:{amzDate}\n\n{SignedHeaders}\n{_payloadHash}";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(SigningKey(date), Encoding.UTF8.GetBytes(stringToSign)));

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("Authorization",
            $"AWS4-HMAC-SHA256 Credential={_accessKeyId}/{scope}, SignedHeaders={SignedHeaders}, Signature={signature}");
        using var response = await _http.SendAsync(request).ConfigureAwait(false);
        var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK || answer.AsSpan().IndexOf(_expected) < 0)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
        }
    }

    private byte[] SigningKey(string date)
    {
        var cached = _signingKey;
        if (cached.Date == date)
        {
            return cached.Key;
        }

        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + _secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_service));
        key = HMACSHA256.HashData(key, "aws4_request"u8);
        _signingKey = (date, key);
        return key;
    }
}
