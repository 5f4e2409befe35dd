namespace Crossgate.Platform.Registry;

/// <summary>Rules every registration must meet, set once per registry.</summary>
public sealed record RegistryPolicy(string? RequireRoleNameContains)
{
    public static readonly RegistryPolicy None = new((string?)null);
}
