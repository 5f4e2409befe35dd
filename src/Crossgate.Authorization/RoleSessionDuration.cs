namespace Crossgate.Authorization;

/// <summary>How long an assumed-role session may last: 900 seconds up to the role's maximum (3,600 to 43,200),
/// one hour by default, and never more than one hour when a session assumes another role (role chaining).</summary>
public static class RoleSessionDuration
{
    public const int Minimum = 900;
    public const int Default = 3600;
    public const int ChainingLimit = 3600;
    public const int RoleMaximumLowest = 3600;
    public const int RoleMaximumHighest = 43200;

    public const string ExceedsChainingLimit =
        "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.";

    public const string ExceedsRoleMaximum =
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.";

    /// <summary>The granted duration, or AWS's ValidationError message when the request cannot be met.</summary>
    public static (int Seconds, string? Error) Resolve(int? requested, int roleMaxSessionDuration, bool isRoleChaining)
    {
        if (requested is { } seconds)
        {
            if (seconds < Minimum)
            {
                return (0, $"1 validation error detected: Value '{seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to {Minimum}");
            }

            if (seconds > RoleMaximumHighest)
            {
                return (0, $"1 validation error detected: Value '{seconds}' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to {RoleMaximumHighest}");
            }

            if (isRoleChaining && seconds > ChainingLimit)
            {
                return (0, ExceedsChainingLimit);
            }

            if (seconds > roleMaxSessionDuration)
            {
                return (0, ExceedsRoleMaximum);
            }

            return (seconds, null);
        }

        return (Math.Min(Default, roleMaxSessionDuration), null);
    }
}
