using System.Collections.Immutable;

namespace Crossgate.Policies.Parsing;

/// <summary>The document as read, before kind rules: the statements that read cleanly and where each one sits.</summary>
internal sealed class PolicyReadResult
{
    public PolicyReadResult(string? version, string? id, bool hasVersion, ImmutableArray<Statement> statements, StatementLayout[] layouts)
    {
        Version = version;
        Id = id;
        HasVersion = hasVersion;
        Statements = statements;
        Layouts = layouts;
    }

    public string? Version { get; }

    public string? Id { get; }

    public bool HasVersion { get; }

    public ImmutableArray<Statement> Statements { get; }

    /// <summary>One per statement, in the same order.</summary>
    public StatementLayout[] Layouts { get; }
}
