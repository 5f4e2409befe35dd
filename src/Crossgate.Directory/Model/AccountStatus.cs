namespace Crossgate.Directory.Model;

/// <summary>Organizations' account states (the wire spells them upper case).</summary>
public enum AccountStatus
{
    Active,
    Suspended,
    PendingClosure,
}
