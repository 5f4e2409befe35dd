namespace Crossgate.Authorization;

/// <summary>One layer's verdict in a <see cref="Decision"/>.</summary>
public readonly record struct LayerResult(PolicyLayer Layer, LayerOutcome Outcome);
