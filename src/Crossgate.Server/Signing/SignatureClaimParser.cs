using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>Finds the request's signature — Authorization header or presigned query, never both — and parses it.</summary>
public static class SignatureClaimParser
{
    public static ClaimParse Parse(SigV4Request request)
    {
        var authorization = request.Headers.First("Authorization");
        var query = AwsUriEncoding.DecodePairs(request.RawQuery);
        var presigned = PresignedQueryParser.IsPresigned(query);

        if (authorization is not null && presigned)
        {
            // [UNCERTAIN exact text] AWS rejects requests carrying both mechanisms.
            return ClaimParse.Fail(AuthErrors.IncompleteSignature(
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified"));
        }
        if (authorization is not null) return AuthorizationHeaderParser.Parse(authorization, request.Headers);
        if (presigned) return PresignedQueryParser.Parse(query);
        return ClaimParse.Fail(AuthErrors.MissingAuthenticationToken());
    }
}
