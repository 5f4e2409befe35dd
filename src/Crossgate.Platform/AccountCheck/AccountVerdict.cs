namespace Crossgate.Platform.AccountCheck;

/// <summary>An account's verdict in the check.</summary>
public enum AccountVerdict
{
    /// <summary>The role was assumed and every required group is granted.</summary>
    Ready,

    /// <summary>The role was assumed, but a required group is not granted (partial, conditional or denied).</summary>
    Incomplete,

    /// <summary>The role could not be assumed; nothing was asked.</summary>
    NotAssumable,

    /// <summary>The role was assumed, but its permissions could not be asked (the simulator refused, say).</summary>
    NotChecked,
}

public static class AccountVerdictNames
{
    public static string ToWireName(this AccountVerdict verdict) => verdict switch
    {
        AccountVerdict.Ready => "ready",
        AccountVerdict.Incomplete => "incomplete",
        AccountVerdict.NotAssumable => "notAssumable",
        _ => "notChecked",
    };

    /// <summary>As a person reads it: "ready", "incomplete", "not assumable", "not checked".</summary>
    public static string ToText(this AccountVerdict verdict) => verdict switch
    {
        AccountVerdict.Ready => "ready",
        AccountVerdict.Incomplete => "incomplete",
        AccountVerdict.NotAssumable => "not assumable",
        _ => "not checked",
    };
}
