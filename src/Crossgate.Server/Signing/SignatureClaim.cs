namespace Crossgate.Server.Signing;

/// <summary>
/// What a request claims about its signature, parsed from the Authorization header or a presigned query:
/// who signed, the credential scope, which headers are covered, the signature itself.
/// </summary>
public sealed record SignatureClaim
{
    public required string AccessKeyId { get; init; }
    public required string ScopeDate { get; init; }
    public required string Region { get; init; }
    public required string Service { get; init; }
    public required string Terminator { get; init; }

    /// <summary>Lower-case header names in the order the client listed them.</summary>
    public required IReadOnlyList<string> SignedHeaders { get; init; }

    public required string Signature { get; init; }

    /// <summary>The raw <c>X-Amz-Date</c> (or <c>Date</c>) value used in the string to sign.</summary>
    public required string AmzDate { get; init; }

    public required DateTimeOffset RequestTime { get; init; }

    public string? SecurityToken { get; init; }

    public bool IsPresigned { get; init; }

    /// <summary>Seconds from <see cref="RequestTime"/> a presigned URL stays valid (query form only).</summary>
    public int? ExpiresSeconds { get; init; }

    public string CredentialScope => $"{ScopeDate}/{Region}/{Service}/{Terminator}";
}
