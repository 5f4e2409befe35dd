namespace Crossgate.Analysis.Graph;

/// <summary><c>assume</c>: <c>sts:AssumeRole</c> (or its SAML / web-identity forms) is allowed. <c>escalation</c>:
/// the source may do what grants it the target's permissions.</summary>
public enum EdgeKind
{
    Assume,
    Escalation,
}

public static class EdgeKindNames
{
    public static string ToWireName(this EdgeKind kind) => kind == EdgeKind.Assume ? "assume" : "escalation";
}
