using System.Collections.Immutable;
using Crossgate.Policies;

namespace Crossgate.Platform.AccountCheck;

/// <summary>One <c>Allow</c> statement of a permission profile: its actions (wildcards expanded, otherwise spelled
/// as the profile spells them), the resources it names, and the conditions the profile itself puts on them.</summary>
public sealed record ProfileStatement(ImmutableArray<string> Actions, ImmutableArray<string> Resources, ConditionBlock Conditions);
