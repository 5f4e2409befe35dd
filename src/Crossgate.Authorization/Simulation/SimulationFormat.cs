namespace Crossgate.Authorization.Simulation;

/// <summary>How the simulator writes its answers.</summary>
public enum SimulationFormat
{
    /// <summary>An object per scenario (an array of them for an array input), indented.</summary>
    Json,

    /// <summary>A few lines per scenario for people to read.</summary>
    Text,
}
