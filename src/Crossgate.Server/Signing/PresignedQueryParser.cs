using System.Globalization;
using System.Text;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>Parses the <c>X-Amz-*</c> parameters of a presigned (query-string authenticated) request.</summary>
public static class PresignedQueryParser
{
    /// <summary>The longest validity a presigned URL may ask for: seven days.</summary>
    public const int MaxExpiresSeconds = 604800;

    public static bool IsPresigned(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        foreach (var (key, _) in query)
        {
            if (key is "X-Amz-Algorithm" or "X-Amz-Credential" or "X-Amz-Signature") return true;
        }
        return false;
    }

    public static ClaimParse Parse(IReadOnlyList<KeyValuePair<string, string>> query)
    {
        string? algorithm = null, credential = null, date = null, expires = null, signedHeaders = null, signature = null, token = null;
        foreach (var (key, value) in query)
        {
            switch (key)
            {
                case "X-Amz-Algorithm": algorithm = value; break;
                case "X-Amz-Credential": credential = value; break;
                case "X-Amz-Date": date = value; break;
                case "X-Amz-Expires": expires = value; break;
                case "X-Amz-SignedHeaders": signedHeaders = value; break;
                case "X-Amz-Signature": signature = value; break;
                case "X-Amz-Security-Token": token = value; break;
            }
        }

        if (algorithm is null || credential is null || signature is null || signedHeaders is null || date is null)
        {
            var message = new StringBuilder();
            if (algorithm is null) message.Append("AWS query-string parameters must include 'X-Amz-Algorithm'. ");
            if (credential is null) message.Append("AWS query-string parameters must include 'X-Amz-Credential'. ");
            if (signature is null) message.Append("AWS query-string parameters must include 'X-Amz-Signature'. ");
            if (signedHeaders is null) message.Append("AWS query-string parameters must include 'X-Amz-SignedHeaders'. ");
            if (date is null) message.Append("AWS query-string parameters must include 'X-Amz-Date'. ");
            message.Append("Re-examine the query-string parameters.");
            return ClaimParse.Fail(AuthErrors.IncompleteSignature(message.ToString()));
        }

        if (algorithm != AuthorizationHeaderParser.Algorithm)
        {
            return ClaimParse.Fail(AuthErrors.IncompleteSignature(
                $"X-Amz-Algorithm only supports \"{AuthorizationHeaderParser.Algorithm}\""));
        }

        if (!CredentialScope.TryParse(credential, out var scope, out var scopeError)) return ClaimParse.Fail(scopeError!);
        if (!AmzDate.TryParse(date, out var requestTime)) return ClaimParse.Fail(AuthorizationHeaderParser.InvalidDate(date));

        int? expiresSeconds = null;
        if (expires is not null)
        {
            if (!int.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return ClaimParse.Fail(AuthErrors.IncompleteSignature("X-Amz-Expires should be a number"));
            }
            if (seconds > MaxExpiresSeconds)
            {
                return ClaimParse.Fail(AuthErrors.IncompleteSignature(
                    $"X-Amz-Expires must be less than a week (in seconds) that is {MaxExpiresSeconds}"));
            }
            expiresSeconds = seconds;
        }

        return ClaimParse.Ok(new SignatureClaim
        {
            AccessKeyId = scope[0],
            ScopeDate = scope[1],
            Region = scope[2],
            Service = scope[3],
            Terminator = scope[4],
            SignedHeaders = AuthorizationHeaderParser.SplitSignedHeaders(signedHeaders),
            Signature = signature,
            AmzDate = date,
            RequestTime = requestTime,
            SecurityToken = token,
            IsPresigned = true,
            ExpiresSeconds = expiresSeconds,
        });
    }
}
