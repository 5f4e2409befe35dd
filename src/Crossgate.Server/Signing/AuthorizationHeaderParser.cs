using System.Text;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>
/// Parses <c>Authorization: AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
/// SignedHeaders=a;b, Signature=hex</c> plus the request date, reporting malformed headers with AWS's texts.
/// </summary>
public static class AuthorizationHeaderParser
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public static ClaimParse Parse(string authorization, RequestHeaders headers)
    {
        string? credential = null, signedHeaders = null, signature = null;

        var space = authorization.IndexOf(' ');
        var algorithm = space < 0 ? authorization : authorization[..space];
        if (algorithm == Algorithm)
        {
            foreach (var raw in authorization[(space + 1)..].Split(','))
            {
                var part = raw.Trim();
                if (part.Length == 0) continue;
                var eq = part.IndexOf('=');
                if (eq < 0)
                {
                    return ClaimParse.Fail(AuthErrors.IncompleteSignature(
                        $"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{authorization}'."));
                }
                var key = part[..eq].Trim();
                var value = part[(eq + 1)..].Trim();
                switch (key)
                {
                    case "Credential": credential = value; break;
                    case "SignedHeaders": signedHeaders = value; break;
                    case "Signature": signature = value; break;
                }
            }
        }

        var amzDate = headers.First("X-Amz-Date");
        var dateValue = amzDate ?? headers.First("Date");

        if (credential is null || signedHeaders is null || signature is null || dateValue is null)
        {
            var message = new StringBuilder();
            if (credential is null) message.Append("Authorization header requires 'Credential' parameter. ");
            if (signature is null) message.Append("Authorization header requires 'Signature' parameter. ");
            if (signedHeaders is null) message.Append("Authorization header requires 'SignedHeaders' parameter. ");
            if (dateValue is null) message.Append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
            message.Append("Authorization=").Append(authorization);
            return ClaimParse.Fail(AuthErrors.IncompleteSignature(message.ToString()));
        }

        if (!CredentialScope.TryParse(credential, out var scope, out var scopeError)) return ClaimParse.Fail(scopeError!);

        DateTimeOffset requestTime;
        if (amzDate is not null)
        {
            if (!AmzDate.TryParse(amzDate, out requestTime)) return ClaimParse.Fail(InvalidDate(amzDate));
        }
        else if (!AmzDate.TryParseHttpDate(dateValue, out requestTime))
        {
            return ClaimParse.Fail(InvalidDate(dateValue));
        }

        return ClaimParse.Ok(new SignatureClaim
        {
            AccessKeyId = scope[0],
            ScopeDate = scope[1],
            Region = scope[2],
            Service = scope[3],
            Terminator = scope[4],
            SignedHeaders = SplitSignedHeaders(signedHeaders),
            Signature = signature,
            AmzDate = amzDate ?? AmzDate.Of(requestTime),
            RequestTime = requestTime,
            SecurityToken = headers.First("X-Amz-Security-Token"),
        });
    }

    internal static AwsError InvalidDate(string value) =>
        AuthErrors.IncompleteSignature(
            $"Date must be in ISO-8601 'basic format'. Got '{value}'. See http://en.wikipedia.org/wiki/ISO_8601");

    internal static string[] SplitSignedHeaders(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant()).ToArray();
}
