using Crossgate.Policies;

namespace Crossgate.Authorization;

/// <summary>A statement that applied to the request: its layer, its policy, its place and its effect.</summary>
public sealed record MatchedStatement(PolicyLayer Layer, string? PolicyName, int StatementIndex, string? Sid, Effect Effect);
