using Crossgate.Analysis.Graph;

namespace Crossgate.Analysis.Queries;

/// <summary><c>access reach</c>: what one principal can become. <see cref="Found"/> is false when the graph has no
/// such principal.</summary>
public sealed record ReachResult(string Principal, bool Found, IReadOnlyList<ReachEntry> Reachable);

/// <summary><c>access who-can</c>: who can become the target, or (with <see cref="Action"/>) who can perform the
/// action on it.</summary>
public sealed record WhoCanResult(string Target, string? Action, bool Found, IReadOnlyList<ReachEntry> Principals);

/// <summary><c>access path</c>: every simple path between two principals up to a length.</summary>
public sealed record PathsResult(string From, string To, bool Found, int MaxHops, IReadOnlyList<GraphPath> Paths, bool Truncated);
