namespace Crossgate.Directory.Storage;

/// <summary>Paging as IAM's list calls do it: <c>Marker</c> from the previous page, <c>MaxItems</c> 1–1000
/// (default 100), and an optional <c>PathPrefix</c>.</summary>
public sealed record ListQuery
{
    public const int DefaultMaxItems = 100;
    public const int MaxMaxItems = 1000;

    public static ListQuery All { get; } = new() { MaxItems = int.MaxValue };

    public string? Marker { get; init; }

    public int MaxItems { get; init; } = DefaultMaxItems;

    public string? PathPrefix { get; init; }

    /// <summary>Only entities with this owner (the user of an access key or MFA device, the parent of an OU).</summary>
    public string? Owner { get; init; }
}
