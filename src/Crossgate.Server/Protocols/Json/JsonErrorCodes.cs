namespace Crossgate.Server.Protocols.Json;

/// <summary>
/// JSON-protocol services name the front door's authentication errors differently from Query services
/// (e.g. an unknown key is <c>UnrecognizedClientException</c>, a bad signature <c>InvalidSignatureException</c>).
/// </summary>
public static class JsonErrorCodes
{
    public static string For(string queryCode) => queryCode switch
    {
        "InvalidClientTokenId" => "UnrecognizedClientException",
        "SignatureDoesNotMatch" => "InvalidSignatureException",
        "IncompleteSignature" => "IncompleteSignatureException",
        "MissingAuthenticationToken" => "MissingAuthenticationTokenException",
        "ExpiredToken" => "ExpiredTokenException",
        "RequestExpired" => "RequestExpired",
        "InternalFailure" => "InternalFailure",
        _ => queryCode,
    };
}
