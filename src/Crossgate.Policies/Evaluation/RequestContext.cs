namespace Crossgate.Policies.Evaluation;

/// <summary>What a compiled statement is evaluated against: the action, the resource, the caller, and the
/// condition keys. Built by the authorization engine; reusable across requests to avoid allocation.</summary>
public sealed class RequestContext
{
    /// <summary><c>service:Action</c>, e.g. <c>sts:AssumeRole</c>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The resource ARN, or <c>*</c> for actions that name no resource.</summary>
    public string Resource { get; set; } = "*";

    /// <summary>The caller, for matching <c>Principal</c> elements. Null means anonymous.</summary>
    public PrincipalIdentity? Principal { get; set; }

    public RequestContext()
        : this(0)
    {
    }

    /// <param name="expectedKeys">How many condition keys the context will hold, so they go in without regrowth.</param>
    public RequestContext(int expectedKeys)
    {
        Keys = new ContextKeys(expectedKeys);
    }

    /// <param name="keys">The condition keys, already filled (or to be filled) by the caller.</param>
    public RequestContext(ContextKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        Keys = keys;
    }

    public ContextKeys Keys { get; }
}
