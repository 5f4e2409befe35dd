using System.Text.Json.Serialization;

namespace Crossgate.Directory.Model;

/// <summary>An AWS Organization: <c>o-</c> + 10 lowercase alphanumerics, owned by its management account.</summary>
public sealed record Organization
{
    public required string Id { get; init; }

    public required string ManagementAccountId { get; init; }

    public string? ManagementAccountEmail { get; init; }

    /// <summary><c>ALL</c> or <c>CONSOLIDATED_BILLING</c>.</summary>
    public string FeatureSet { get; init; } = "ALL";

    [JsonIgnore]
    public string Arn => $"arn:aws:organizations::{ManagementAccountId}:organization/{Id}";
}
