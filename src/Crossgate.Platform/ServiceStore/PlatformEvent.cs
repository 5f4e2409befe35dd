namespace Crossgate.Platform.ServiceStore;

/// <summary>A change one check found against the one before: an account became (not) assumable, or a group's status
/// changed (<see cref="Sid"/> set).</summary>
public sealed record PlatformEvent(long Id, DateTimeOffset Time, string Alias, string Kind, string? Sid, string From, string To, string Message)
{
    public const string AssumabilityChanged = "assumability";
    public const string GroupStatusChanged = "groupStatus";
}
