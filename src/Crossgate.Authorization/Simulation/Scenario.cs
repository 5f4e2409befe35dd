namespace Crossgate.Authorization.Simulation;

/// <summary>One offline question: a request and every policy that bears on it, ready for the engine.</summary>
public sealed record Scenario(AuthorizationRequest Request, PolicySet Policies);
