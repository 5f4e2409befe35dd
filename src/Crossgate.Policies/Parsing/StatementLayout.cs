using System.Collections.Immutable;

namespace Crossgate.Policies.Parsing;

/// <summary>Where each element of one statement sits in the JSON, so kind rules applied after reading can
/// still point at the exact fault (e.g. <c>$.Statement[1].Action[2]</c>). Null paths mean "element absent".</summary>
internal sealed record StatementLayout(string Path)
{
    public string? SidPath { get; init; }
    public string? PrincipalPath { get; init; }
    public string? ActionPath { get; init; }
    public ImmutableArray<string> ActionItemPaths { get; init; } = ImmutableArray<string>.Empty;
    public string? ResourcePath { get; init; }
    public string? ConditionPath { get; init; }
}
