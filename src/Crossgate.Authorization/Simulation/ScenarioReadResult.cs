namespace Crossgate.Authorization.Simulation;

/// <summary>A scenario, or the error that stopped it from being read.</summary>
public readonly record struct ScenarioReadResult(Scenario? Scenario, ScenarioError? Error);
