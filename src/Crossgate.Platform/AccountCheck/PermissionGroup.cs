using System.Collections.Immutable;

namespace Crossgate.Platform.AccountCheck;

/// <summary>A named set of actions a feature needs, taken from the statements of a permission profile that share a
/// <c>Sid</c>: the actions (wildcards expanded) and the resources they must reach.</summary>
public sealed record PermissionGroup(string Sid, ImmutableArray<string> Actions, ImmutableArray<string> Resources, bool Optional);
