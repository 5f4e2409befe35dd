namespace Crossgate.Policies;

/// <summary>A refusal of a policy document, in AWS's terms: an error code such as
/// <c>MalformedPolicyDocument</c> or <c>LimitExceeded</c>, AWS's message, and the JSON path of the fault.</summary>
public sealed record PolicyError(string Code, string Message, string Path)
{
    public const string MalformedPolicyDocument = "MalformedPolicyDocument";
    public const string LimitExceeded = "LimitExceeded";

    public override string ToString() => $"{Code}: {Message} (at {Path})";
}
