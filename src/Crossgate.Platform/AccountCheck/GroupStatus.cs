namespace Crossgate.Platform.AccountCheck;

/// <summary>How much of a permission group an account grants.</summary>
public enum GroupStatus
{
    Granted,

    /// <summary>Granted only on resources that satisfy a condition (e.g. tagged <c>SSMEnabled=True</c>).</summary>
    Conditional,

    Partial,
    Denied,

    /// <summary>The role could not be assumed, so nothing was asked.</summary>
    NotChecked,
}

public static class GroupStatusNames
{
    public static string ToWireName(this GroupStatus status) => status switch
    {
        GroupStatus.Granted => "granted",
        GroupStatus.Conditional => "conditional",
        GroupStatus.Partial => "partial",
        GroupStatus.Denied => "denied",
        _ => "notChecked",
    };
}
