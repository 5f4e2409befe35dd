using Crossgate.Server.Errors;

namespace Crossgate.Server.Signing;

/// <summary>Splits <c>AKID/yyyyMMdd/region/service/aws4_request</c>.</summary>
public static class CredentialScope
{
    public static bool TryParse(string credential, out string[] parts, out AwsError? error)
    {
        parts = credential.Split('/');
        if (parts.Length == 5 && parts[0].Length > 0)
        {
            error = null;
            return true;
        }
        error = AuthErrors.IncompleteSignature(
            $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'");
        return false;
    }

    /// <summary>The service element of a credential string, or null when it is not well formed.</summary>
    public static string? ServiceOf(string? credential)
    {
        if (credential is null) return null;
        var parts = credential.Split('/');
        return parts.Length == 5 ? parts[3] : null;
    }
}
