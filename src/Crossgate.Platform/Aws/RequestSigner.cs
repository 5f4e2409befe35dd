using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Crossgate.Platform.Aws;

/// <summary>Signs outgoing requests with Signature Version 4, for the calls the AWS SDK packages available to
/// Crossgate do not cover (IAM and Organizations).</summary>
public static class RequestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, AwsCredentialSet credentials, string region, string service, DateTimeOffset now)
    {
        var amzDate = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var uri = request.RequestUri!;
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));

        request.Headers.Host = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Content-Sha256", payloadHash);
        if (credentials.SessionToken is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.SessionToken);
        }

        // Sign host, the content type and every x-amz-* header we set, in lower-case sorted order.
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host!,
            ["x-amz-date"] = amzDate,
            ["x-amz-content-sha256"] = payloadHash,
        };
        if (credentials.SessionToken is not null)
        {
            headers["x-amz-security-token"] = credentials.SessionToken;
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = contentType.ToString();
        }

        foreach (var header in request.Headers)
        {
            if (header.Key.StartsWith("X-Amz-Target", StringComparison.OrdinalIgnoreCase))
            {
                headers["x-amz-target"] = string.Join(",", header.Value);
            }
        }

        var signedHeaders = string.Join(";", headers.Keys);
        var canonical = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(string.IsNullOrEmpty(uri.AbsolutePath) ? "/" : uri.AbsolutePath).Append('\n')
            .Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            canonical.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Convert.ToHexStringLower(Hmac(key, stringToSign));
        request.Headers.TryAddWithoutValidation(
            "Authorization",
            $"AWS4-HMAC-SHA256 Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}");
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var pairs = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p =>
            {
                var eq = p.IndexOf('=');
                var name = Uri.EscapeDataString(Uri.UnescapeDataString(eq < 0 ? p : p[..eq]));
                var value = eq < 0 ? string.Empty : Uri.EscapeDataString(Uri.UnescapeDataString(p[(eq + 1)..]));
                return (name, value);
            })
            .OrderBy(p => p.name, StringComparer.Ordinal).ThenBy(p => p.value, StringComparer.Ordinal);
        return string.Join("&", pairs.Select(p => $"{p.name}={p.value}"));
    }
}
