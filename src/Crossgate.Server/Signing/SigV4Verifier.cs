using System.Security.Cryptography;
using System.Text;
using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>
/// Verifies a SigV4-signed request the way AWS does: scope, clock skew, credential, session token,
/// then the signature itself, compared in constant time. Any region is accepted.
/// </summary>
public sealed class SigV4Verifier(ICredentialResolver credentials, TimeProvider clock, SigningKeyCache signingKeys)
{
    /// <summary>How far the request's timestamp may be from the server clock, either way.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public SigV4Verifier(ICredentialResolver credentials) : this(credentials, TimeProvider.System, new SigningKeyCache())
    {
    }

    /// <summary>Parses and verifies; <paramref name="expectedService"/> is the signing name the endpoint serves.</summary>
    public async ValueTask<SigV4Outcome> VerifyAsync(SigV4Request request, string expectedService, CancellationToken cancellationToken)
    {
        var parsed = SignatureClaimParser.Parse(request);
        if (parsed.Error is not null) return SigV4Outcome.Fail(parsed.Error);
        return await VerifyAsync(request, parsed.Claim!, expectedService, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<SigV4Outcome> VerifyAsync(SigV4Request request, SignatureClaim claim, string expectedService, CancellationToken cancellationToken)
    {
        var scopeError = CheckScope(claim, expectedService) ?? CheckClock(claim, clock.GetUtcNow());
        if (scopeError is not null) return SigV4Outcome.Fail(scopeError, claim);

        var credential = await credentials.ResolveAsync(claim.AccessKeyId, claim.SecurityToken, cancellationToken).ConfigureAwait(false);
        if (credential is null || !credential.IsActive) return SigV4Outcome.Fail(AuthErrors.InvalidClientTokenId(), claim);

        if (!SessionTokenMatches(credential.SessionToken, claim.SecurityToken))
        {
            return SigV4Outcome.Fail(AuthErrors.InvalidClientTokenId(), claim);
        }

        if (!SignatureMatches(request, claim, credential.SecretAccessKey))
        {
            return SigV4Outcome.Fail(AuthErrors.SignatureDoesNotMatch(), claim);
        }

        // Checked after the signature so that only the holder of the secret learns a session has expired.
        if (credential.Expiration is { } expiration && clock.GetUtcNow() >= expiration)
        {
            return SigV4Outcome.Fail(AuthErrors.ExpiredToken(), claim);
        }

        return new SigV4Outcome(claim, credential, null);
    }

    private static AwsError? CheckScope(SignatureClaim claim, string expectedService)
    {
        if (claim.Terminator != "aws4_request") return AuthErrors.WrongTerminator(claim.Terminator);
        if (claim.Service != expectedService) return AuthErrors.WrongService(expectedService);
        if (claim.Region.Length == 0) return AuthErrors.InvalidRegion(claim.Region);
        var requestDate = claim.AmzDate.Length >= 8 ? claim.AmzDate[..8] : claim.AmzDate;
        if (claim.ScopeDate != requestDate) return AuthErrors.CredentialScopeDateMismatch(claim.ScopeDate, requestDate, claim.AmzDate);
        return null;
    }

    private static AwsError? CheckClock(SignatureClaim claim, DateTimeOffset now)
    {
        var requestTime = AmzDate.Of(claim.RequestTime);
        var floor = now - AllowedSkew;
        var ceiling = now + AllowedSkew;
        if (claim.RequestTime > ceiling)
        {
            return AuthErrors.SignatureNotYetCurrent(requestTime, AmzDate.Of(ceiling), AmzDate.Of(now));
        }
        if (claim.RequestTime < floor)
        {
            return AuthErrors.SignatureExpired(requestTime, AmzDate.Of(floor), AmzDate.Of(now));
        }
        // A presigned URL asking for less than the skew window ends earlier. [UNCERTAIN exact text]
        if (claim.IsPresigned && claim.ExpiresSeconds is { } seconds && now > claim.RequestTime.AddSeconds(seconds))
        {
            return AuthErrors.RequestExpired("Request has expired.");
        }
        return null;
    }

    private static bool SessionTokenMatches(string? expected, string? presented)
    {
        if (expected is null) return presented is null;
        if (presented is null) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
    }

    private bool SignatureMatches(SigV4Request request, SignatureClaim claim, string secret)
    {
        if (!claim.SignedHeaders.Contains("host")) return false;

        var payloadHash = PayloadHash(request, out var payloadConsistent);
        if (!payloadConsistent) return false;

        var canonical = CanonicalRequest.Build(request, claim, payloadHash);
        var stringToSign = StringToSign.Build(claim, canonical);
        var key = signingKeys.Get(claim.AccessKeyId, secret, claim.ScopeDate, claim.Region, claim.Service);
        var expected = SigningKeyCache.Sign(key, stringToSign);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(claim.Signature));
    }

    /// <summary>
    /// The hash the client signed: <c>X-Amz-Content-SHA256</c> when sent (it must then describe the body actually
    /// received, unless it is <c>UNSIGNED-PAYLOAD</c>), else the body's SHA-256.
    /// </summary>
    private static string PayloadHash(SigV4Request request, out bool consistent)
    {
        var actual = CanonicalRequest.HexSha256(request.Body.Span);
        var declared = request.Headers.First("X-Amz-Content-SHA256");
        consistent = declared is null || declared == CanonicalRequest.UnsignedPayload ||
                     string.Equals(declared, actual, StringComparison.OrdinalIgnoreCase);
        return declared ?? actual;
    }
}
