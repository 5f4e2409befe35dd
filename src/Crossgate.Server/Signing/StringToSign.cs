namespace Crossgate.Server.Signing;

/// <summary><c>AWS4-HMAC-SHA256 \n timestamp \n scope \n hex(sha256(canonical request))</c>.</summary>
public static class StringToSign
{
    public static string Build(SignatureClaim claim, string canonicalRequest) =>
        $"{AuthorizationHeaderParser.Algorithm}\n{claim.AmzDate}\n{claim.ScopeDate}/{claim.Region}/{claim.Service}/{claim.Terminator}\n{CanonicalRequest.HexSha256(canonicalRequest)}";
}
