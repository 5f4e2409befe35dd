namespace Crossgate.Authorization.Simulation;

/// <summary>Why a scenario could not be read: a code (<c>InvalidScenario</c>, or the policy error's code such as
/// <c>MalformedPolicyDocument</c>), a message, and the JSON path of the fault within the input.</summary>
public sealed record ScenarioError(string Code, string Message, string Path)
{
    public const string InvalidScenario = "InvalidScenario";

    public override string ToString() => $"{Code}: {Message} (at {Path})";
}
